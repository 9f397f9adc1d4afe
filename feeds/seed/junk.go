package seed

import (
	"regexp"
	"strings"
)

// junkLines are whole lines, compared by key, that are page furniture rather
// than article text: ad markers, share rows, skip links, prompts.
var junkLines = setOf(
	"ad", "advertisement", "skip advertisement", "article content", "sponsored",
	"sponsored content", "share", "share this", "share this article",
	"share this story", "kindly share this story", "share on facebook", "share on twitter", "tweet",
	"email", "e-mail", "print", "copy link", "link copied", "whatsapp",
	"facebook", "twitter", "linkedin", "reddit", "save", "save article",
	"skip to content", "skip to main content", "skip to navigation",
	"skip to footer", "read more", "also read", "see also", "listen",
	"listen to this article", "view image in fullscreen", "enlarge this image",
	"toggle caption", "hide caption", "show caption", "continue reading", "subscribe",
	"subscribe now", "sign up", "sign in", "log in", "menu", "search", "close",
	"home", "loading", "open in app", "join the conversation",
	"notifications can be managed in browser preferences", "end of list",
	"click here", "watch now", "watch", "play video", "image", "photo",
	"video", "gallery", "view gallery", "download the app", "back to top",
	"scroll to top", "open image in gallery", "image caption", "media caption",
	"aller au contenu principal", "aller au contenu", "partager", "teilen",
	"lire aussi", "à lire aussi", "zum inhalt springen", "mehr lesen",
	"اقرأ أيضا", "اقرأ أيضاً", "شارك", "مشاركة", "donate", "support now",
	"support us", "not now", "yes please", "skip links", "navigation menu",
	"listen live", "live tv", "accessibility help", "newsletter",
	"follow", "+ follow", "become a member", "become a patron",
	"become a supporter", "story continues below advertisement",
	"gift article", "email this article", "go deeper", "social sharing",
	"like this", "like loading",
	"skip next section",
	// A press release's embargo label.
	"for immediate release", "for release",
)

// junkPrefixes start lines, compared in lower case, that are prompts or
// inline links to other stories.
var junkPrefixes = []string{
	"read more:", "also read:", "related:", "see also:", "read also:",
	"sign up for", "sign up to", "subscribe to", "subscribe for",
	"stay up to date with notifications from", "get our newsletter",
	"get the latest", "follow us on", "join our", "click here to",
	"download the app", "this article was originally published",
	"this story was originally published", "source http", "continue reading",
	"we use cookies", "this website uses cookies", "by continuing to use",
	"please enable javascript", "share to twitter", "share to facebook",
	"email thisblogthis", "(sign up", "keep up to date with",
	"want to read more", "to continue reading", "lire aussi", "à lire aussi",
	"voir aussi", "lesen sie auch", "mehr zum thema:", "share this",
	"share on", "share to", "independent journalism needs your support",
	"support our journalism", "please consider supporting",
	"please consider a donation", "make a donation", "donate now",
	"read the latest", "thanks for reading", "why you can trust",
	"citește și", "leia também", "lee também", "leggi anche",
	// Inline links to other stories (Gannett's "More:", Axios's "Go
	// deeper:") and the notes that syndicating portals and print editions
	// add to a story.
	"more:", "go deeper:", "a version of this article appears in print",
	"(except for the headline", "track latest news live on",
	"fox news flash top headlines", "read the original article on",
	"only have a minute? listen instead", "powered by trinity audio",
	"heard on ", "keep reading",
	"help keep family & friends informed",
	"from the section",
}

// junkPatterns match the remaining furniture: numbered ads, read-time
// labels, list counters, copyright lines, bare URLs.
var junkPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^advertisement\s*\d*$`),
	regexp.MustCompile(`(?i)^(?:[•·]\s*)?(?:<\s*)?\d+[- ]?min(?:ute)?s?(?:\.)?(?:[- ]read)?$`),
	regexp.MustCompile(`(?i)^list (?:\d+ )?of \d+(?: items?)?$`),
	regexp.MustCompile(`(?i)^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))`),
	regexp.MustCompile(`(?i)\ball rights reserved\b`),
	// A rights notice in the page's voice, without the words above:
	// "This document is subject to copyright.", "This material may not
	// be published, broadcast, rewritten or redistributed."
	regexp.MustCompile(`(?i)^(?:this|the|all) (?:material|content|document|article|story|text)\b[^.]{0,80}\b(?:is subject to copyright|(?:may|must|can) ?not be (?:reproduced|published|republished|redistributed))\b`),
	// A copyright notice inside a footer line: "CNN Sans ™ & © 2016 …".
	regexp.MustCompile(`(?i)(?:©|\(c\))\s*(?:\d{4}|copyright)\b`),
	// A search box's placeholder: "Search CNN...".
	regexp.MustCompile(`(?i)^search\b.{0,40}(?:\.\.\.|…)$`),
	regexp.MustCompile(`(?i)^https?://\S+$`),
	regexp.MustCompile(`(?i)\b(?:use|uses|using|use of|accept|consent to)(?: our| the)? cookies\b`),
	regexp.MustCompile(`(?i)^image \d+ of \d+$`),
	// A pointer to the site's front: "Visit X's homepage for more stories."
	regexp.MustCompile(`(?i)\bfor more (?:stories|news|headlines|articles|coverage)\.?$`),
	// A wire's note on first publication: "This report by The Canadian
	// Press was first published June 3, 2021."
	regexp.MustCompile(`(?i)^this (?:report|story|article) by .{2,60} was (?:first|originally) published\b`),
	// A comments disclaimer: "Comments expressed here do not reflect the
	// opinions of …".
	regexp.MustCompile(`(?i)^comments? expressed here do(?: not|n't) (?:necessarily )?reflect\b`),
	// An outlet's disclaimer: "HKFP … does not necessarily share the views
	// of opinion writers or advertisers."
	regexp.MustCompile(`(?i)\b(?:do|does) not necessarily (?:share|reflect|represent) the (?:views|opinions)\b`),
	// A market data vendor's notice: "Quotes displayed in real-time or
	// delayed by at least 15 minutes. Market data provided by …".
	regexp.MustCompile(`(?i)^quotes (?:displayed .{0,30})?delayed\b`),
	regexp.MustCompile(`(?i)^follow .{1,60} on (?:twitter|facebook|instagram|x|telegram|threads)\b`),
	regexp.MustCompile(`(?i)^\d+ (?:seconds?|minutes?|hours?|days?|weeks?) ago$`),
	regexp.MustCompile(`(?i)^join .{0,40}\b(?:telegram|whatsapp|viber|signal) (?:channel|group)`),
	regexp.MustCompile(`(?i)\b(?:type|enter) your e-?mail\b`),
	// DW's editors' initials and sources: "js/rt (dpa, Reuters)".
	regexp.MustCompile(`^\p{Ll}{2,3}(?:/\p{Ll}{2,3})+(?:\s*\([^()]*\))?$`),
	// App prompts: "Download The Times of India News App for Latest News".
	regexp.MustCompile(`(?i)^download (?:the |our )?.{0,40}\bapp\b`),
	// Newsletter prompts: "Get local news delivered to your inbox!".
	regexp.MustCompile(`(?i)\b(?:delivered|straight|direct) to your inbox\b`),
	// A reporter's contact line closing a local story: "Contact Derek
	// Beigh at (309) 820-3234.", "Contact IndyStar reporter X at x@y.com".
	regexp.MustCompile(`(?i)^(?:contact|reach|email) .{2,60}? at (?:\S+@\S+|\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4})`),
	regexp.MustCompile(`(?i)\b(?:help|support) us\b.{0,60}\bbecome an? (?:member|patron|supporter|subscriber)\b`),
}

// endLines are headings, compared by key, after which only end matter
// follows: related lists, tags, comments, alert prompts.
var endLines = setOf(
	"related articles", "related stories", "related content", "related",
	"more stories", "more on this story", "most popular", "most read",
	"most viewed", "top stories", "explore more on these topics",
	"reuse this content", "no comments", "post a comment", "comments",
	"you may also like", "recommended", "recommended stories",
	"recommended for you", "trending", "trending now", "tags", "topics",
	"read next", "what to read next", "latest news", "more from",
	"never miss breaking news", "related coverage", "related posts",
	"more news", "more coverage", "other stories", "read more stories",
	"mehr zum thema", "das könnte sie auch interessieren", "sur le même sujet",
	"dans la même rubrique", "à lire également", "اقرأ المزيد", "أخبار ذات صلة",
	"leave a comment", "leave a reply", "newer post older post home",
	"themes", "labels", "related topics", "popular reads",
	// A study's references under a science story.
	"citations", "citation", "references", "bibliography",
)

// endPrefixes start end-matter lines, compared in lower case.
var endPrefixes = []string{
	// A magazine's print-edition note closing a feature: "Published in
	// the print edition of the June 7, 2021, issue, with the headline …".
	"published in the print edition", "appeared in the print edition",
	"never miss breaking news", "(reporting by", "explore more on these topics",
	"more stories from", "tags:", "topics:", "labels:", "categories:", "category:", "disclaimer:",
	"the views expressed", "the opinions expressed", "views expressed in",
	"source:", "our standards:", "filed under:", "related stories from",
	"related subjects", "leave a reply",
}

// endPatterns match the remaining end matter: comment counts, letters
// policies.
var endPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^\d+ (?:comments?|responses?|replies)\s*:?$`),
	regexp.MustCompile(`(?i)\bletters? to the editor\b`),
	// A press release's boilerplate: "About Acme Robotics".
	// A translation's note: "Translation of an original article published
	// in French", "This article was translated from Spanish".
	regexp.MustCompile(`(?i)^(?:this (?:article|story) (?:is|was) )?(?:a )?translat(?:ion|ed) (?:of|from)\b`),
	// The contributors' credit that closes a story: "— With assistance by
	// Name", "Additional reporting by Name", "Contributing: Name".
	regexp.MustCompile(`(?i)^[—–-]?\s*(?:with (?:assistance|additional reporting|reporting|contributions?) (?:by|from)|additional reporting by|contributing:)\s`),
	// The heading of a bio: "About the author", "About the writer".
	regexp.MustCompile(`^About (?:the (?:author|writer|reporter|journalist|columnist|contributor|correspondent)s?|\p{Lu}[\p{L}\d&.'’-]*(?: \p{Lu}[\p{L}\d&.'’-]*){0,4})$`),
}

// isJunk reports whether s is page furniture that is dropped wherever it is.
func isJunk(s string) bool {
	k := key(s)
	if junkLines[k] || isDoubled(s) || isShareRow(s) {
		return true
	}
	low := strings.ToLower(s)
	if hasAnyPrefix(low, junkPrefixes) || isOwnViews(low) {
		return true
	}
	if strings.HasSuffix(low, "icon") && wordCount(low) <= 3 && (low == "icon" || strings.HasSuffix(low, " icon")) {
		return true // an icon's alternative text: "Plus Icon", "Share icon"
	}
	if rest, ok := strings.CutPrefix(s, "Photo of "); ok && wordCount(rest) <= 4 && !endsSentence(rest) {
		if _, person := personName(rest); person {
			return true // a portrait's alternative text: "Photo of Jane Roe"
		}
	}
	return junkStartRE.MatchString(s) || hasAnyKey(low, junkAnywhereKeys) && junkAnywhereRE.MatchString(s)
}

// isOwnViews reports whether low, a line in lower case, is a contributor
// page's disclaimer: "Opinions expressed by Contributors are their own."
func isOwnViews(low string) bool {
	low = strings.TrimPrefix(low, "the ")
	if !strings.HasPrefix(low, "opinions expressed") && !strings.HasPrefix(low, "views expressed") {
		return false
	}
	return wordCount(low) <= 14 && strings.HasSuffix(strings.TrimSuffix(low, "."), " own")
}

// junkStartRE joins the junkPatterns anchored at the start of the line,
// which fail fast, and junkAnywhereRE the others, which scan the line;
// joined, the anchored ones would be tried at every position too.
var junkStartRE, junkAnywhereRE = joinAnchored(junkPatterns)

// junkAnywhereKeys are words, in lower case, of which each unanchored
// junk pattern needs one: lines with none of them skip the scan. A new
// unanchored pattern must add its word here.
var junkAnywhereKeys = []string{"rights reserved", "©", "(c)", "cookies", "your e", "your inbox", "become a", "for more ", "necessarily"}

// hasAnyKey reports whether s contains one of keys.
func hasAnyKey(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// joinAnchored joins the patterns anchored at the start of a line into
// one regexp and the rest into another.
func joinAnchored(res []*regexp.Regexp) (start, anywhere *regexp.Regexp) {
	var a, b []*regexp.Regexp
	for _, re := range res {
		if strings.HasPrefix(strings.TrimPrefix(re.String(), "(?i)"), "^") {
			a = append(a, re)
		} else {
			b = append(b, re)
		}
	}
	return joinPatterns(a), joinPatterns(b)
}

// joinPatterns joins regexps into one that matches where any of them does.
func joinPatterns(res []*regexp.Regexp) *regexp.Regexp {
	parts := make([]string, len(res))
	for i, re := range res {
		parts[i] = "(?:" + re.String() + ")"
	}
	return regexp.MustCompile(strings.Join(parts, "|"))
}

// isEndMatter reports whether s starts the end matter after an article.
func isEndMatter(s string) bool {
	if endLines[key(s)] || hasAnyPrefix(strings.ToLower(s), endPrefixes) {
		return true
	}
	for _, re := range endPatterns {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// setOf returns a set holding words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// shareWords are the buttons of a share row.
var shareWords = setOf("send", "share", "facebook", "twitter", "reddit",
	"email", "e-mail", "whatsapp", "linkedin", "print", "telegram",
	"pinterest", "flipboard", "messenger", "copy", "link", "x")

// isShareRow reports whether s is a row of two or more share buttons:
// "Send Facebook Twitter Reddit".
func isShareRow(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) < 2 || len(ws) > 10 {
		return false
	}
	for _, w := range ws {
		if !shareWords[w] {
			return false
		}
	}
	return true
}
