package seed

import "strings"

// agencies maps the ways news agencies and wire services sign a story,
// in lower case, to the name used in Authors.
var agencies = map[string]string{
	"ap":                         "Associated Press",
	"associated press":           "Associated Press",
	"reuters":                    "Reuters",
	"thomson reuters":            "Reuters",
	"afp":                        "Agence France-Presse",
	"agence france-presse":       "Agence France-Presse",
	"agence france presse":       "Agence France-Presse",
	"pti":                        "Press Trust of India",
	"press trust of india":       "Press Trust of India",
	"ani":                        "Asian News International",
	"asian news international":   "Asian News International",
	"ians":                       "Indo-Asian News Service",
	"upi":                        "United Press International",
	"united press international": "United Press International",
	"dpa":                        "Deutsche Presse-Agentur",
	"deutsche presse-agentur":    "Deutsche Presse-Agentur",
	"efe":                        "EFE",
	"agencia efe":                "EFE",
	"xinhua":                     "Xinhua",
	"xinhua news agency":         "Xinhua",
	"anadolu":                    "Anadolu Agency",
	"anadolu agency":             "Anadolu Agency",
	"ansa":                       "ANSA",
	"kyodo":                      "Kyodo News",
	"kyodo news":                 "Kyodo News",
	"yonhap":                     "Yonhap",
	"tass":                       "TASS",
	"wafa":                       "WAFA",
	"jns":                        "Jewish News Syndicate",
	"jns.org":                    "Jewish News Syndicate",
	"jewish news syndicate":      "Jewish News Syndicate",
	"jta":                        "Jewish Telegraphic Agency",
	"tps":                        "Tazpit Press Service",
	"cnn":                        "CNN",
	"bloomberg":                  "Bloomberg",
	"bloomberg news":             "Bloomberg",
}

// agencyName returns the full name of the news agency s names ("AP",
// "The Associated Press", "AP news wire", "Reuters."), or "".
func agencyName(s string) string {
	k := strings.ToLower(strings.Trim(s, " .,;:"))
	k = strings.TrimPrefix(k, "the ")
	for _, suffix := range []string{" news wire", " wire service", " wire"} {
		k = strings.TrimSuffix(k, suffix)
	}
	return agencies[k]
}

// isAgency reports whether name is the full name of a news agency, as
// agencyName returns it.
func isAgency(name string) bool {
	return agencyName(name) == name
}
