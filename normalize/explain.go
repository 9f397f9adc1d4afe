package normalize

// Explanation says why a query does or does not match one article: the
// overall result and, for every term of the query, where it occurs.
type Explanation struct {
	Match bool        `json:"match"`
	Terms []TermMatch `json:"terms"`
}

// TermMatch is one term of a query (a word, a phrase or a prefix) and the
// fields of one article it occurs in.
type TermMatch struct {
	// Term is the term as it is searched for: folded to lower case without
	// accents, a phrase in quotes, a prefix ending in *; de-escalation
	// becomes "de escalation".
	Term string `json:"term"`
	// Fields are the fields the term searches, by their query names: title
	// and text for a bare term, else the one field it names.
	Fields []string `json:"fields"`
	// Negated is set when the term is under an odd number of NOTs: the
	// query wants it absent.
	Negated bool `json:"negated"`
	// Matched are the fields of Fields the term occurs in; empty when none.
	Matched []string `json:"matched"`
	// Elsewhere are the fields outside Fields the term occurs in, which do
	// not count: for title:gaza, gaza in the text.
	Elsewhere []string `json:"elsewhere,omitempty"`
}

// Explain matches q against the article d was built from and reports each
// term of q, left to right, with the fields it occurs in. A term written
// twice is reported twice. Match is what MatchDocument returns.
func (q *Query) Explain(d *Document) Explanation {
	e := Explanation{Match: q.MatchDocument(d), Terms: []TermMatch{}}
	walkTerms(q.root, false, func(t *termNode, negated bool) {
		e.Terms = append(e.Terms, t.explain(d, negated))
	})
	return e
}

// walkTerms calls fn for every term under n, left to right, with whether
// it sits under an odd number of NOTs.
func walkTerms(n node, negated bool, fn func(t *termNode, negated bool)) {
	switch n := n.(type) {
	case orNode:
		for _, c := range n {
			walkTerms(c, negated, fn)
		}
	case andNode:
		for _, c := range n {
			walkTerms(c, negated, fn)
		}
	case notNode:
		walkTerms(n.n, !negated, fn)
	case *termNode:
		fn(n, negated)
	}
}

// explain reports where t occurs in d, within its fields and outside them.
func (t *termNode) explain(d *Document, negated bool) TermMatch {
	m := TermMatch{Term: t.text(), Negated: negated, Fields: []string{}, Matched: []string{}}
	for f := range fieldCount {
		searched := t.fields&(1<<f) != 0
		if searched {
			m.Fields = append(m.Fields, fieldNames[f])
		}
		if !t.matchField(d.fields[f]) {
			continue
		}
		if searched {
			m.Matched = append(m.Matched, fieldNames[f])
		} else {
			m.Elsewhere = append(m.Elsewhere, fieldNames[f])
		}
	}
	return m
}
