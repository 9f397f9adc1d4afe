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
	// The national agencies of other countries, by the names their
	// credits and datelines use.
	"pa":                          "PA Media",
	"pa media":                    "PA Media",
	"press association":           "PA Media",
	"aap":                         "Australian Associated Press",
	"australian associated press": "Australian Associated Press",
	"cp":                          "The Canadian Press",
	"canadian press":              "The Canadian Press",
	"bernama":                     "Bernama",
	"antara":                      "Antara",
	"jiji":                        "Jiji Press",
	"jiji press":                  "Jiji Press",
	"pna":                         "Philippine News Agency",
	"philippine news agency":      "Philippine News Agency",
	"vna":                         "Vietnam News Agency",
	"vietnam news agency":         "Vietnam News Agency",
	"interfax":                    "Interfax",
	"ria novosti":                 "RIA Novosti",
	"ukrinform":                   "Ukrinform",
	"lusa":                        "Lusa",
	"europa press":                "Europa Press",
	"anp":                         "ANP",
	"belga":                       "Belga",
	"ritzau":                      "Ritzau",
	"agerpres":                    "Agerpres",
	"wam":                         "WAM",
	"kuna":                        "KUNA",
	"irna":                        "IRNA",
	"qna":                         "Qatar News Agency",
	"prensa latina":               "Prensa Latina",
	"notimex":                     "Notimex",
	"sapa":                        "SAPA",
	"nan":                         "News Agency of Nigeria",
	"news agency of nigeria":      "News Agency of Nigeria",
	"central news agency":         "Central News Agency",
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
