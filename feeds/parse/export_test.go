package parse

// ItemDate exposes itemDate to the conformance test, which reads a feed's
// own date as an article's would be read.
var ItemDate = itemDate
