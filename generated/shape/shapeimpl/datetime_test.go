package shapeimpl

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseDateTime(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		want string // RFC 3339 with nanoseconds, as time.Time formats it
	}{
		{"2021-08-13T08:43:35.5533333Z", true, "2021-08-13T08:43:35.5533333Z"},
		{"2021-08-13t08:43:35z", true, "2021-08-13T08:43:35Z"},
		{"2021-08-13T10:43:35+02:00", true, "2021-08-13T10:43:35+02:00"},
		{"2021-08-13T10:43:35-00:30", true, "2021-08-13T10:43:35-00:30"},
		{"2021-08-13T08:43:35.1234567891Z", true, "2021-08-13T08:43:35.123456789Z"},
		{"2016-12-31T23:59:60Z", true, "2017-01-01T00:00:00Z"},
		{"2021-02-29T00:00:00Z", false, ""},
		{"2021-08-13 08:43:35Z", false, ""},
		{"2021-08-13T08:43:35", false, ""},
		{"2021-08-13T24:00:00Z", false, ""},
		{"", false, ""},
	} {
		got, ok := ParseDateTime(tc.in)
		if ok != tc.ok {
			t.Errorf("ParseDateTime(%q) ok = %v, want %v", tc.in, ok, tc.ok)
			continue
		}
		if ok && got.Format(time.RFC3339Nano) != tc.want {
			t.Errorf("ParseDateTime(%q) = %s, want %s", tc.in, got.Format(time.RFC3339Nano), tc.want)
		}
	}
}

// FuzzParseDateTime: ParseDateTime agrees with time.Parse on every string
// both accept (leap seconds and lower-case separators aside, which only
// ParseDateTime takes), never panics, and what it returns re-encodes to a
// date-time that parses to the same instant.
func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2021-08-13T08:43:35.5533333Z", "2021-08-13T10:43:35+02:00", "2016-12-31T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDateTime(s)
		if ok != refIsDateTime(s) {
			t.Fatalf("ParseDateTime(%q) ok = %v, isDate and isTime say %v", s, ok, !ok)
		}
		if !ok {
			return
		}
		if !strings.Contains(s, ":60") && !strings.ContainsAny(s, "tz") {
			want, err := time.Parse(time.RFC3339Nano, s)
			if err == nil && !want.Equal(got) {
				t.Fatalf("ParseDateTime(%q) = %v, time.Parse = %v", s, got, want)
			}
		}
		again, ok := ParseDateTime(string(AppendDateTime(nil, got)))
		if !ok || !again.Equal(got) {
			t.Fatalf("%q: re-encoded %q does not parse to the same instant", s, AppendDateTime(nil, got))
		}
	})
}

// FuzzContextSelect: any context URL gives a list of plain names or nil,
// without panicking.
func FuzzContextSelect(f *testing.F) {
	for _, s := range []string{"$metadata#security/incidents(displayName,status)/$entity", "$metadata#security/incidents(alerts())", "$metadata#x('a(b')/y(id)", "#((((", "#)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range ContextSelect(s) {
			if n == "" || strings.ContainsAny(n, "(),'") {
				t.Fatalf("ContextSelect(%q) gave the name %q", s, n)
			}
		}
	})
}

// TestAppendDateTime: the hand-written formatter writes what
// time.Time.AppendFormat(RFC3339Nano) writes, for instants across the
// years, fractions and offsets.
func TestAppendDateTime(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", 2*3600), time.FixedZone("", -(5*3600 + 30*60)), time.FixedZone("", 45*60)}
	for i := int64(0); i < 5000; i++ {
		sec := (i*7919*104729)%(253402300799+62135596800) - 62135596800 // 0001-01-01 .. 9999-12-31
		ns := (i * 982451653) % 1e9
		if i%3 == 0 {
			ns -= ns % 1e6
		}
		if i%5 == 0 {
			ns = 0
		}
		tm := time.Unix(sec, ns).In(zones[i%int64(len(zones))])
		if tm.Year() > 9999 || tm.Year() < 0 {
			continue
		}
		want := tm.AppendFormat(nil, time.RFC3339Nano)
		if got := AppendDateTime(nil, tm); string(got) != string(want) {
			t.Fatalf("AppendDateTime(%v) = %s, want %s", tm, got, want)
		}
	}
}

// TestParseDateTimeMatchesTimeDate: the instant ParseDateTime computes is
// the one time.Date gives for the same fields and zone (== compares the
// location too), across years, months, days, leap days and seconds,
// fractions and offsets.
func TestParseDateTimeMatchesTimeDate(t *testing.T) {
	checked := 0
	for _, year := range []int{0, 1, 4, 99, 100, 400, 1582, 1899, 1900, 1969, 1970, 1971, 2000, 2024, 2100, 9999} {
		for month := 1; month <= 12; month++ {
			for _, day := range []int{1, 15, 28, 29, 30, 31} {
				if day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
					continue
				}
				for _, zone := range []string{"Z", "z", "+00:00", "-00:00", "+05:30", "-23:59", "+23:59"} {
					for _, clock := range []string{"00:00:00", "12:34:56.789", "23:59:59.999999999", "23:59:60"} {
						s := fmt.Sprintf("%04d-%02d-%02dT%s%s", year, month, day, clock, zone)
						got, ok := ParseDateTime(s)
						if !isDateTime(s) {
							if ok {
								t.Errorf("ParseDateTime(%q) ok, but it is no date-time", s)
							}
							continue
						}
						if !ok {
							t.Errorf("ParseDateTime(%q) not ok", s)
							continue
						}
						checked++
						if want := refDateTime(s); got != want {
							t.Errorf("ParseDateTime(%q) = %v, time.Date gives %v", s, got, want)
						}
					}
				}
			}
		}
	}
	if checked < 10000 {
		t.Fatalf("checked %d date-times; the table is wrong", checked)
	}
}

// refDateTime is ParseDateTime through time.Date, for a valid s.
func refDateTime(s string) time.Time {
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	rest := s[19:]
	nsec := 0
	if rest[0] == '.' {
		i := strings.IndexAny(rest, "Zz+-")
		frac := (rest[1:i] + "000000000")[:9]
		nsec, rest = n(frac), rest[i:]
	}
	loc := time.UTC
	if rest[0] != 'Z' && rest[0] != 'z' {
		off := (n(rest[1:3])*60 + n(rest[4:6])) * 60
		if rest[0] == '-' {
			off = -off
		}
		loc = fixedZone(off)
	}
	sec := n(s[17:19])
	leap := sec == 60
	if leap {
		sec = 59
	}
	t := time.Date(n(s[0:4]), time.Month(n(s[5:7])), n(s[8:10]), n(s[11:13]), n(s[14:16]), sec, nsec, loc)
	if leap {
		t = t.Add(time.Second)
	}
	return t
}

// refIsDateTime is the date-time check by its two halves, isDate and
// isTime, which dateTimeFields does in one pass.
func refIsDateTime(s string) bool {
	return len(s) >= 20 && (s[10] == 'T' || s[10] == 't') && isDate(s[:10]) && isTime(s[11:])
}

// TestDateTimeFieldsMatchesHalves: dateTimeFields accepts what isDate and
// isTime accept, on valid date-times and on every one-byte change of them.
func TestDateTimeFieldsMatchesHalves(t *testing.T) {
	seeds := []string{"2021-08-13T08:43:35.5533333Z", "2021-08-13t08:43:35z", "2021-08-13T10:43:35+02:00", "2016-12-31T23:59:60Z",
		"2017-01-01T00:59:60+01:00", "2016-12-31T22:59:60-01:00", "2024-02-29T00:00:00Z", "0000-01-01T00:00:00.1-23:59", "9999-12-31T23:59:59.999999999+23:59"}
	bytes := []byte("0123456789-:T tZz+.x\x00")
	accepted, rejected := 0, 0
	for _, seed := range seeds {
		for i := 0; i <= len(seed); i++ {
			for _, c := range bytes {
				for _, s := range []string{seed[:i] + string(c) + seed[min(i+1, len(seed)):], seed[:i] + string(c) + seed[i:], seed[:i]} {
					got, want := isDateTime(s), refIsDateTime(s)
					if got != want {
						t.Errorf("isDateTime(%q) = %v, isDate and isTime say %v", s, got, want)
					}
					if got {
						accepted++
					} else {
						rejected++
					}
				}
			}
		}
	}
	if accepted < 100 || rejected < 100 {
		t.Fatalf("accepted %d, rejected %d: the mutations test too little", accepted, rejected)
	}
}
