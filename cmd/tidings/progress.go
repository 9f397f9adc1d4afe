package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// progressBar draws a fetch run's progress on stderr when stderr is a
// terminal; elsewhere (cron, pipes, tests) it draws nothing, so logs stay
// clean. Its methods are called from one goroutine at a time.
type progressBar struct {
	w io.Writer // nil: no terminal, draw nothing
}

func (e *env) progressBar() *progressBar {
	f, ok := e.stderr.(*os.File)
	if !ok {
		return &progressBar{}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return &progressBar{}
	}
	return &progressBar{w: f}
}

const barWidth = 30

func (p *progressBar) update(done, total int) {
	if p.w == nil || total == 0 {
		return
	}
	n := barWidth * done / total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d sources", strings.Repeat("#", n), strings.Repeat(".", barWidth-n), done, total)
}

// done clears the bar's line.
func (p *progressBar) done() {
	if p.w != nil {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", barWidth+30))
	}
}
