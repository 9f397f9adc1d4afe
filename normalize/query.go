package normalize

import (
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a compiled topic query. The language:
//
//	israel             a word: whole-word, case- and accent-insensitive, in
//	                   the title, summary or body
//	"jerusalem post"   a phrase: consecutive words within one field
//	escalat*           a prefix: any word starting with escalat
//	title:gaza         a field: title, text (summary and body), author,
//	                   source (Source and SourceTitle) or category; it also
//	                   applies to a phrase, a prefix or a group: title:(a OR b)
//	a AND b, a b       both; a space between terms means AND
//	a OR b             either
//	NOT a, -a          not; a query of only negative terms matches every
//	                   article that lacks them
//	( ... )            grouping
//
// NOT and - bind tightest, then AND, then OR: "a OR b c -d" means
// "a OR (b AND c AND (NOT d))". AND, OR and NOT are operators only in upper
// case; "and" and "or" are ordinary words. - is NOT only at the start of a
// term, and letters before a colon name a field, so quote "http://x" to
// search for it. A word that Words splits into several, such as
// de-escalation or U.S., is the phrase of those words; inside quotes every
// character is literal, including * and :. Parentheses and NOTs nest at
// most 100 deep.
//
// A Query is immutable and safe for concurrent use.
type Query struct {
	text string
	root node
}

// QueryError is a syntax error in a query.
type QueryError struct {
	Column int    // where the error is, 1-based, in runes
	Msg    string // lower-case, no trailing punctuation
}

// Error returns the message prefixed with the column, such as
// "column 7: unbalanced parenthesis".
func (e *QueryError) Error() string {
	return fmt.Sprintf("column %d: %s", e.Column, e.Msg)
}

// ParseQuery compiles s. A syntax error is returned as a *QueryError.
func ParseQuery(s string) (*Query, error) {
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{src: s, toks: toks, fields: bareFields}
	root, err := p.parseQuery()
	if err != nil {
		return nil, err
	}
	return &Query{text: s, root: root}, nil
}

// String returns the query text as it was given to ParseQuery.
func (q *Query) String() string {
	return q.text
}

// Match reports whether a matches q. To match many queries against one
// article, build its Document once and use MatchDocument.
func (q *Query) Match(a *Article) bool {
	return q.MatchDocument(NewDocument(a))
}

// MatchDocument reports whether the article d was built from matches q.
func (q *Query) MatchDocument(d *Document) bool {
	return q.root.match(d)
}

// newQueryError returns the error msg at byte offset off of src.
func newQueryError(src string, off int, msg string) *QueryError {
	return &QueryError{Column: utf8.RuneCountInString(src[:off]) + 1, Msg: msg}
}

// node is one operator or term of a parsed query. String shows the parse,
// for tests.
type node interface {
	match(d *Document) bool
	String() string
}

type orNode []node

func (n orNode) match(d *Document) bool {
	for _, c := range n {
		if c.match(d) {
			return true
		}
	}
	return false
}

func (n orNode) String() string { return listString("OR", n) }

type andNode []node

func (n andNode) match(d *Document) bool {
	for _, c := range n {
		if !c.match(d) {
			return false
		}
	}
	return true
}

func (n andNode) String() string { return listString("AND", n) }

type notNode struct{ n node }

func (n notNode) match(d *Document) bool { return !n.n.match(d) }

func (n notNode) String() string { return "(NOT " + n.n.String() + ")" }

// listString formats an operator and its operands as an s-expression.
func listString(op string, nodes []node) string {
	var b strings.Builder
	b.WriteString("(" + op)
	for _, n := range nodes {
		b.WriteString(" " + n.String())
	}
	b.WriteString(")")
	return b.String()
}

// fieldSet is a set of fields, bit 1<<f for field f.
type fieldSet uint8

// bareFields is what a term without a field searches.
const bareFields = 1<<fieldTitle | 1<<fieldText

// termNode matches a sequence of words in any of its fields. A single word
// is a sequence of one; with prefix set, the last word is a prefix.
type termNode struct {
	fields fieldSet
	words  []string
	prefix bool
}

func (t *termNode) match(d *Document) bool {
	for f := range fieldCount {
		if t.fields&(1<<f) != 0 && t.matchField(d.fields[f]) {
			return true
		}
	}
	return false
}

// matchField reports whether t occurs within one of the segments.
func (t *termNode) matchField(segments [][]string) bool {
	for _, seg := range segments {
		for i := 0; i+len(t.words) <= len(seg); i++ {
			if t.matchAt(seg[i : i+len(t.words)]) {
				return true
			}
		}
	}
	return false
}

// matchAt reports whether words, as long as t.words, match t.
func (t *termNode) matchAt(words []string) bool {
	last := len(t.words) - 1
	for i, w := range t.words[:last] {
		if words[i] != w {
			return false
		}
	}
	if t.prefix {
		return strings.HasPrefix(words[last], t.words[last])
	}
	return words[last] == t.words[last]
}

// text is the term without its field, as String shows it.
func (t *termNode) text() string {
	s := strings.Join(t.words, " ")
	if t.prefix {
		s += "*"
	}
	if len(t.words) > 1 {
		s = `"` + s + `"`
	}
	return s
}

func (t *termNode) String() string {
	s := t.text()
	if t.fields == bareFields {
		return s
	}
	// Otherwise one field: only bare terms search two.
	return fieldNames[bits.TrailingZeros8(uint8(t.fields))] + ":" + s
}

type tokenKind uint8

const (
	tokEOF tokenKind = iota
	tokWord
	tokPhrase
	tokField
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot // NOT or -
)

// token is one lexeme of a query.
type token struct {
	kind tokenKind
	// text is the word, the phrase without its quotes, the field name or the
	// operator, as written.
	text  string
	off   int   // byte offset in the query
	field field // for tokField
}

// lexer splits a query into tokens.
type lexer struct {
	src  string
	off  int
	toks []token
}

// lex returns the tokens of src, ending with tokEOF. It fails on an unclosed
// quote and on an unknown field.
func lex(src string) ([]token, error) {
	l := &lexer{src: src}
	for l.off < len(src) {
		if err := l.next(); err != nil {
			return nil, err
		}
	}
	l.toks = append(l.toks, token{kind: tokEOF, off: len(src)})
	return l.toks, nil
}

// next consumes one token, or the white space before one.
func (l *lexer) next() error {
	r, size := utf8.DecodeRuneInString(l.src[l.off:])
	switch {
	case unicode.IsSpace(r):
		l.off += size
	case r == '(':
		l.emit(tokLParen, 1)
	case r == ')':
		l.emit(tokRParen, 1)
	case r == '-':
		// Only at the start of a term: de-escalation is one word.
		l.emit(tokNot, 1)
	case r == '"':
		return l.phrase()
	default:
		return l.word()
	}
	return nil
}

// emit appends the token of kind k that is the next n bytes.
func (l *lexer) emit(k tokenKind, n int) {
	l.toks = append(l.toks, token{kind: k, text: l.src[l.off : l.off+n], off: l.off})
	l.off += n
}

// phrase consumes a quoted phrase.
func (l *lexer) phrase() error {
	n := strings.IndexByte(l.src[l.off+1:], '"')
	if n < 0 {
		return newQueryError(l.src, l.off, "unclosed quote")
	}
	l.toks = append(l.toks, token{kind: tokPhrase, text: l.src[l.off+1 : l.off+1+n], off: l.off})
	l.off += n + 2
	return nil
}

// word consumes an operator, a word, or the "name:" of a field.
func (l *lexer) word() error {
	n := strings.IndexFunc(l.src[l.off:], endsWord)
	if n < 0 {
		n = len(l.src) - l.off
	}
	w := l.src[l.off : l.off+n]
	if name, ok := fieldName(w); ok {
		return l.field(name)
	}
	switch w {
	case "AND":
		l.emit(tokAnd, n)
	case "OR":
		l.emit(tokOr, n)
	case "NOT":
		l.emit(tokNot, n)
	default:
		l.emit(tokWord, n)
	}
	return nil
}

// field consumes "name:"; the term it applies to is the next token.
func (l *lexer) field(name string) error {
	f, ok := lookupField(name)
	if !ok {
		msg := fmt.Sprintf("unknown field %q (want %s)", name, strings.Join(fieldNames[:], ", "))
		return newQueryError(l.src, l.off, msg)
	}
	l.toks = append(l.toks, token{kind: tokField, text: name, off: l.off, field: f})
	l.off += len(name) + 1
	return nil
}

// endsWord reports whether r ends an unquoted word.
func endsWord(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"'
}

// fieldName returns the name in a word of the form "name:rest", where name
// is ASCII letters, so that "10:30" stays a word.
func fieldName(w string) (string, bool) {
	name, _, ok := strings.Cut(w, ":")
	if !ok || name == "" {
		return "", false
	}
	for _, c := range []byte(name) {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return "", false
		}
	}
	return name, true
}

// lookupField returns the field called name, in any case.
func lookupField(name string) (field, bool) {
	for f, n := range fieldNames {
		if strings.EqualFold(name, n) {
			return field(f), true
		}
	}
	return 0, false
}

// maxDepth bounds the nesting of parentheses and NOTs, so that the
// recursive parser cannot exhaust the stack.
const maxDepth = 100

// parser is a recursive-descent parser over the tokens of one query:
//
//	or    = and { "OR" and }
//	and   = unary { ["AND"] unary }
//	unary = ("NOT" | "-") unary | "(" or ")" | [field] (word | phrase | "(" or ")")
type parser struct {
	src    string
	toks   []token
	pos    int
	depth  int
	fields fieldSet // what a term without a field searches here
}

func (p *parser) peek() token { return p.toks[p.pos] }

// next consumes a token; it is never called on tokEOF.
func (p *parser) next() token {
	t := p.toks[p.pos]
	p.pos++
	return t
}

func (p *parser) errorAt(t token, msg string) error {
	return newQueryError(p.src, t.off, msg)
}

// nest enters a NOT or a group at t, failing beyond maxDepth.
func (p *parser) nest(t token) error {
	if p.depth++; p.depth > maxDepth {
		return p.errorAt(t, "query nested too deeply")
	}
	return nil
}

// unnest leaves what nest entered.
func (p *parser) unnest() { p.depth-- }

// parseQuery parses the whole query.
func (p *parser) parseQuery() (node, error) {
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		// parseOr stops only at the end or at a ')'.
		return nil, p.errorAt(t, "unbalanced parenthesis")
	}
	return n, nil
}

func (p *parser) parseOr() (node, error) {
	var or orNode
	for {
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		or = append(or, n)
		if p.peek().kind != tokOr {
			break
		}
		p.next()
	}
	if len(or) == 1 {
		return or[0], nil
	}
	return or, nil
}

func (p *parser) parseAnd() (node, error) {
	var and andNode
	for {
		n, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		and = append(and, n)
		switch p.peek().kind {
		case tokAnd:
			p.next()
		case tokWord, tokPhrase, tokField, tokLParen, tokNot:
			// Adjacency means AND.
		default:
			if len(and) == 1 {
				return and[0], nil
			}
			return and, nil
		}
	}
}

func (p *parser) parseUnary() (node, error) {
	switch t := p.peek(); t.kind {
	case tokNot:
		if err := p.nest(t); err != nil {
			return nil, err
		}
		defer p.unnest()
		p.next()
		n, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return notNode{n}, nil
	case tokField:
		p.next()
		return p.parseField(t.field)
	}
	return p.parseOperand()
}

// parseField parses what follows "name:", the operand searching field f.
func (p *parser) parseField(f field) (node, error) {
	saved := p.fields
	p.fields = 1 << f
	defer func() { p.fields = saved }()
	return p.parseOperand()
}

// parseOperand parses a term or a parenthesized group.
func (p *parser) parseOperand() (node, error) {
	switch t := p.peek(); t.kind {
	case tokWord, tokPhrase:
		p.next()
		return p.term(t)
	case tokLParen:
		return p.parseGroup()
	default:
		return nil, p.missingTerm(t)
	}
}

func (p *parser) parseGroup() (node, error) {
	open := p.next()
	if err := p.nest(open); err != nil {
		return nil, err
	}
	defer p.unnest()
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tokRParen {
		return nil, p.errorAt(open, "unbalanced parenthesis")
	}
	p.next()
	return n, nil
}

// term compiles a word or phrase token, searching p.fields.
func (p *parser) term(t token) (node, error) {
	text, prefix := t.text, false
	if t.kind == tokWord {
		text, prefix = strings.CutSuffix(text, "*")
		if i := strings.IndexByte(text, '*'); i >= 0 {
			return nil, newQueryError(p.src, t.off+i, "* is allowed only at the end of a word")
		}
	}
	words := Words(text)
	if len(words) > 0 {
		return &termNode{fields: p.fields, words: words, prefix: prefix}, nil
	}
	switch {
	case t.kind == tokPhrase:
		return nil, p.errorAt(t, "phrase has no letters or digits")
	case prefix:
		return nil, newQueryError(p.src, t.off+len(text), "* needs letters or digits before it")
	default:
		return nil, p.errorAt(t, fmt.Sprintf("%q has no letters or digits", t.text))
	}
}

// missingTerm explains why t, where a term should be, is not one. A term is
// expected at the start, after "(" and after an operator or a field.
func (p *parser) missingTerm(t token) error {
	var prev token
	if p.pos > 0 {
		prev = p.toks[p.pos-1]
	}
	switch {
	case prev.kind == tokLParen && t.kind == tokRParen:
		return p.errorAt(prev, "empty parentheses")
	case prev.kind == tokLParen && t.kind == tokEOF:
		return p.errorAt(prev, "unbalanced parenthesis")
	case prev.kind == tokField:
		return p.errorAt(prev, "missing term after "+prev.text+":")
	case prev.kind == tokAnd || prev.kind == tokOr || prev.kind == tokNot:
		return p.errorAt(prev, "missing term after "+prev.text)
	case t.kind == tokAnd || t.kind == tokOr:
		return p.errorAt(t, "missing term before "+t.text)
	case t.kind == tokRParen:
		return p.errorAt(t, "unbalanced parenthesis")
	default:
		return newQueryError(p.src, 0, "empty query")
	}
}
