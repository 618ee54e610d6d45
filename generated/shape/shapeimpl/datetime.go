package shapeimpl

import (
	"errors"
	"sync"
	"time"
)

// ParseDateTime returns the instant an RFC 3339 date-time names, keeping
// its offset ("Z" is time.UTC, any other offset a fixed zone). It reports
// false when s is not an RFC 3339 date-time. A fraction finer than a
// nanosecond is truncated; a leap second (23:59:60) is the instant one
// second after 23:59:59, as time.Time cannot hold it.
func ParseDateTime(s string) (time.Time, bool) {
	if !isDateTime(s) {
		return time.Time{}, false
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	year, month, day := num(s[0:4]), num(s[5:7]), num(s[8:10])
	hour, minute, sec := num(s[11:13]), num(s[14:16]), num(s[17:19])
	rest := s[19:]
	nsec := 0
	if rest[0] == '.' {
		rest = rest[1:]
		digits := 0
		for rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			if digits < 9 {
				nsec = nsec*10 + int(rest[0]-'0')
				digits++
			}
			rest = rest[1:]
		}
		for ; digits < 9; digits++ {
			nsec *= 10
		}
	}
	off := 0
	if rest[0] != 'Z' && rest[0] != 'z' {
		off = (num(rest[1:3])*60 + num(rest[4:6])) * 60
		if rest[0] == '-' {
			off = -off
		}
	}
	// The instant, from the civil date (isDateTime checked every field), as
	// time.Date would compute it without its normalisation; a leap second
	// is the second after 23:59:59 by the arithmetic itself.
	unix := daysFromCivil(year, month, day)*86400 + int64(hour*3600+minute*60+sec-off)
	t := time.Unix(unix, int64(nsec))
	if rest[0] == 'Z' || rest[0] == 'z' {
		return t.UTC(), true
	}
	return t.In(fixedZone(off)), true
}

// daysFromCivil returns the number of days from 1970-01-01 to the date of
// the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400 // y >= -1: the years of RFC 3339 are 0000-9999
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// zones caches one *time.Location per offset, so decoding many
// timestamps with the same offset allocates once.
var zones sync.Map // int (seconds east of UTC) -> *time.Location

func fixedZone(off int) *time.Location {
	if l, ok := zones.Load(off); ok {
		return l.(*time.Location)
	}
	l, _ := zones.LoadOrStore(off, time.FixedZone("", off))
	return l.(*time.Location)
}

// AppendDateTime appends t as an RFC 3339 date-time with as many fraction
// digits as it needs, in its own offset ("Z" for UTC).
func AppendDateTime(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return t.AppendFormat(b, time.RFC3339Nano)
	}
	hour, minute, sec := t.Clock()
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	b = two(b, year/100)
	b = two(b, year%100)
	b = append(b, '-')
	b = two(b, int(month))
	b = append(b, '-')
	b = two(b, day)
	b = append(b, 'T')
	b = two(b, hour)
	b = append(b, ':')
	b = two(b, minute)
	b = append(b, ':')
	b = two(b, sec)
	if ns := t.Nanosecond(); ns != 0 {
		var frac [9]byte
		for i := 8; i >= 0; i-- {
			frac[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := 9
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, '.')
		b = append(b, frac[:n]...)
	}
	_, off := t.Zone()
	if off == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	off /= 60
	b = append(b, sign)
	b = two(b, off/60)
	b = append(b, ':')
	return two(b, off%60)
}

// Time reads a string that is an RFC 3339 date-time (r holds the schema's
// format and other string constraints), or reports a mismatch against t.
// A string that is not a date-time is reported (by r's format check when r
// has one) and reads as not ok; lenient decoding keeps it, as sent, with
// the object's other undeclared members, so re-encoding loses nothing.
func (d *Decoder) Time(t Types, r *Rule) (time.Time, bool) {
	d.peek()
	start := d.pos
	var (
		s  string
		ok bool
	)
	if r != nil && r.Format == "date-time" {
		// Parsing decides the format: the string is checked once.
		if s, ok = d.StringView(t, nil); !ok {
			return time.Time{}, false
		}
		v, parsed := ParseDateTime(s)
		d.checkStringAs(r, s, parsed)
		if !parsed {
			d.keep(start)
		}
		return v, parsed
	}
	if s, ok = d.StringView(t, r); !ok {
		return time.Time{}, false
	}
	v, ok := ParseDateTime(s)
	if !ok {
		d.Report("format", "/format", "value is not an RFC 3339 date-time")
		d.keep(start)
	}
	return v, ok
}

// Time writes t as an RFC 3339 date-time string.
func (e *Encoder) Time(t time.Time) {
	if y := t.Year(); y < 0 || y > 9999 {
		e.Fail(errors.New("shape: time " + t.String() + " has a year outside 0000-9999, which RFC 3339 cannot write"))
		e.token("null", true)
		return
	}
	var tmp [48]byte
	b := append(tmp[:0], '"')
	b = AppendDateTime(b, t)
	b = append(b, '"')
	e.token(unsafeString(b), true)
}
