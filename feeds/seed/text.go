package seed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// key is the form in which lines are compared for repeats: lower case with
// trailing punctuation removed. Lines are already space-collapsed.
func key(s string) string {
	return strings.ToLower(strings.TrimRight(s, " .,;:!?…"))
}

// endsSentence reports whether s ends like a sentence (. ! ? …), looking
// through closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", r)
}

// endsStatement reports whether s ends with a full stop or a trailing
// punctuation mark that a headline does not end with.
func endsStatement(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".,;:…", r)
}

// wordCount returns the number of space-separated words in s.
func wordCount(s string) int {
	return len(strings.Fields(s))
}

// startsUpper reports whether the first letter or digit of s is an upper-case
// letter or a digit (quotes and brackets before it are skipped).
func startsUpper(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// hasLower reports whether s contains a lower-case letter.
func hasLower(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) >= 0
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// isAllCaps reports whether s has letters and none of them is lower case.
func isAllCaps(s string) bool {
	return hasLetter(s) && !hasLower(s)
}

// isDoubled reports whether s is a short phrase glued to itself, such as the
// share button text "Send in e-mailSend in e-mail".
func isDoubled(s string) bool {
	n := len(s)
	return n >= 4 && n <= 80 && n%2 == 0 && s[:n/2] == s[n/2:]
}

// startsLower reports whether the first letter of s is lower case.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}
