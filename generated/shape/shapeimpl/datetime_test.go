package shapeimpl

import (
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
