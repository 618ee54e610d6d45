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
	f, ok := dateTimeFields(s)
	if !ok {
		return time.Time{}, false
	}
	// The instant, from the civil date, as time.Date would compute it
	// without its normalisation (the fields are in range); a leap second is
	// the second after 23:59:59 by the arithmetic itself.
	unix := daysFromCivil(f.year, f.month, f.day)*86400 + int64(f.hour*3600+f.minute*60+f.sec-f.off)
	t := time.Unix(unix, int64(f.nsec))
	if f.utc {
		return t.UTC(), true
	}
	return t.In(fixedZone(f.off)), true
}

// dateTime holds the fields of an RFC 3339 date-time; off is the offset in
// seconds east of UTC, and utc is set for "Z".
type dateTime struct {
	year, month, day, hour, minute, sec, nsec, off int
	utc                                            bool
}

// dateTimeFields reads an RFC 3339 date-time in one pass, checking what
// isDate and isTime check: a day that exists in its month, a clock and
// offset in range, a leap second only at 23:59 UTC. isDateTime is its
// verdict.
func dateTimeFields(s string) (f dateTime, ok bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' {
		return f, false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if s[i]-'0' > 9 {
			return f, false
		}
	}
	two := func(i int) int { return int(s[i]-'0')*10 + int(s[i+1]-'0') }
	f.year = two(0)*100 + two(2)
	f.month, f.day = two(5), two(8)
	f.hour, f.minute, f.sec = two(11), two(14), two(17)
	if f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.sec > 60 {
		return f, false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[f.month-1]
	if f.month == 2 && f.year%4 == 0 && (f.year%100 != 0 || f.year%400 == 0) {
		days = 29
	}
	if f.day > days {
		return f, false
	}
	rest := s[19:]
	if rest[0] == '.' {
		i, digits := 1, 0
		for ; i < len(rest) && rest[i]-'0' <= 9; i++ {
			if digits < 9 {
				f.nsec = f.nsec*10 + int(rest[i]-'0')
				digits++
			}
		}
		if i == 1 {
			return f, false
		}
		for ; digits < 9; digits++ {
			f.nsec *= 10
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z" || rest == "z":
		f.utc = true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
		rest[1]-'0' <= 9 && rest[2]-'0' <= 9 && rest[4]-'0' <= 9 && rest[5]-'0' <= 9:
		zh, zm := int(rest[1]-'0')*10+int(rest[2]-'0'), int(rest[4]-'0')*10+int(rest[5]-'0')
		if zh > 23 || zm > 59 {
			return f, false
		}
		f.off = (zh*60 + zm) * 60
		if rest[0] == '-' {
			f.off = -f.off
		}
	default:
		return f, false
	}
	if f.sec == 60 {
		// A leap second is at 23:59:60 UTC.
		hm := (f.hour*60+f.minute-f.off/60)%(24*60) + 24*60
		if hm%(24*60) != 23*60+59 {
			return f, false
		}
	}
	return f, true
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
