// Package level defines how serious a finding is, shared by gen diff and
// gen metadata-check, and the -fail-on threshold that turns findings into
// exit code 1.
package level

import (
	"fmt"
	"strings"
)

// Level is the seriousness of a finding. The zero value is Info. Levels are
// ordered: Info < Warning < Breaking < Never, so a threshold compares with >=.
type Level int

const (
	// Info is a difference worth knowing that breaks nobody.
	Info Level = iota
	// Warning may break some consumers (for example strict decoders).
	Warning
	// Breaking breaks consumers that follow the schema.
	Breaking
	// Never is only a threshold: no finding reaches it.
	Never
)

var names = [...]string{"info", "warning", "breaking", "never"}

// String returns the level's lower-case name.
func (l Level) String() string {
	if l < Info || l > Never {
		return fmt.Sprintf("level(%d)", int(l))
	}
	return names[l]
}

// Parse returns the level named s ("info", "warning", "breaking" or "never").
func Parse(s string) (Level, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want one of %s)", s, strings.Join(names[:], ", "))
}

// MarshalText encodes the level as its name.
func (l Level) MarshalText() ([]byte, error) {
	if l < Info || l > Never {
		return nil, fmt.Errorf("level: cannot encode %d", int(l))
	}
	return []byte(names[l]), nil
}

// UnmarshalText decodes a level name.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Reaches reports whether l is at or above the threshold. Nothing reaches
// Never.
func (l Level) Reaches(threshold Level) bool {
	return threshold != Never && l >= threshold
}
