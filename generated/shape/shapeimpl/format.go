package shapeimpl

import (
	"net"
	"net/mail"
	"strconv"
	"strings"
)

// CheckFormat reports whether s is valid for format by the RFCs the
// JSON-Schema-Test-Suite follows: uri and uri-reference RFC 3986, hostname
// RFC 1123 labels (with RFC 5891's rule on hyphens in the third and fourth
// position; A-labels are not decoded), ipv4 the dotted-quad of RFC 2673
// without leading zeros or signs. Where jsonschema v5 is laxer (it parses
// URIs with net/url), the contract tests record the difference. Unknown
// formats pass (the generator rejects them earlier).
func CheckFormat(format, s string) bool {
	switch format {
	case "date-time":
		return isDateTime(s)
	case "date":
		return isDate(s)
	case "time":
		return isTime(s)
	case "duration":
		return isDuration(s)
	case "email":
		return isEmail(s)
	case "hostname":
		return isHostname(s)
	case "ipv4":
		return isIPv4(s)
	case "ipv6":
		return isIPv6(s)
	case "uri":
		return isURI(s, false)
	case "uri-reference":
		return isURI(s, true)
	case "uuid":
		return isUUID(s)
	}
	return true
}

// isDateTime checks RFC 3339 section 5.6 date-time.
func isDateTime(s string) bool {
	_, ok := dateTimeFields(s)
	return ok
}

// isDate checks an RFC 3339 full-date (YYYY-MM-DD) with a day that exists
// in its month, as time.Parse("2006-01-02", s) does, without its cost.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	year := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

// inRange parses exactly two decimal digits (no sign, unlike strconv.Atoi)
// and checks that they lie in [lo, hi].
func inRange(s string, lo, hi int) (int, bool) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	n := int(s[0]-'0')*10 + int(s[1]-'0')
	return n, n >= lo && n <= hi
}

// isTime checks RFC 3339 full-time, leap seconds only at 23:59:60 UTC.
func isTime(str string) bool {
	if len(str) < 9 || str[2] != ':' || str[5] != ':' {
		return false
	}
	h, ok1 := inRange(str[0:2], 0, 23)
	m, ok2 := inRange(str[3:5], 0, 59)
	s, ok3 := inRange(str[6:8], 0, 60)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	str = str[8:]
	if str[0] == '.' {
		str = str[1:]
		n := 0
		for str != "" && str[0] >= '0' && str[0] <= '9' {
			n++
			str = str[1:]
		}
		if n == 0 {
			return false
		}
	}
	if str == "" {
		return false
	}
	if str[0] == 'z' || str[0] == 'Z' {
		if len(str) != 1 {
			return false
		}
	} else {
		if len(str) != 6 || str[3] != ':' {
			return false
		}
		var sign int
		switch str[0] {
		case '+':
			sign = -1
		case '-':
			sign = 1
		default:
			return false
		}
		zh, ok1 := inRange(str[1:3], 0, 23)
		zm, ok2 := inRange(str[4:6], 0, 59)
		if !ok1 || !ok2 {
			return false
		}
		hm := (h*60 + m) + sign*(zh*60+zm)
		if hm < 0 {
			hm += 24 * 60
		}
		h, m = hm/60, hm%60
	}
	if s == 60 && (h != 23 || m != 59) {
		return false
	}
	return true
}

// isDuration checks an ISO 8601 duration as RFC 3339 appendix A defines it.
func isDuration(s string) bool {
	if s == "" || s[0] != 'P' {
		return false
	}
	s = s[1:]
	units := func() (string, bool) {
		var u string
		for s != "" && s[0] != 'T' {
			digits := false
			for s != "" && s[0] >= '0' && s[0] <= '9' {
				digits = true
				s = s[1:]
			}
			if !digits || s == "" {
				return u, false
			}
			u += s[:1]
			s = s[1:]
		}
		return u, true
	}
	u, ok := units()
	if !ok {
		return false
	}
	if u == "W" {
		return s == ""
	}
	if u != "" {
		if !strings.Contains("YMD", u) {
			return false
		}
		if s == "" {
			return true
		}
	}
	if s == "" || s[0] != 'T' {
		return false
	}
	s = s[1:]
	u, ok = units()
	return ok && s == "" && u != "" && strings.Contains("HMS", u)
}

func isHostname(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if n := len(label); n < 1 || n > 63 {
			return false
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		// RFC 5891 4.2.3.1: "--" in the third and fourth position only in
		// an A-label ("xn--").
		if len(label) >= 4 && label[2:4] == "--" && !strings.EqualFold(label[:2], "xn") {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

func isEmail(s string) bool {
	if len(s) > 254 {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	if at == -1 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > 64 {
		return false
	}
	if len(domain) >= 2 && domain[0] == '[' && domain[len(domain)-1] == ']' {
		ip := domain[1 : len(domain)-1]
		if rest, ok := strings.CutPrefix(ip, "IPv6:"); ok {
			return isIPv6(rest)
		}
		return isIPv4(ip)
	}
	if !isHostname(domain) {
		return false
	}
	_, err := mail.ParseAddress(s)
	return err == nil
}

func isIPv4(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups) != 4 {
		return false
	}
	for _, g := range groups {
		if g == "" || len(g) > 3 || strings.Trim(g, "0123456789") != "" {
			return false
		}
		n, err := strconv.Atoi(g)
		if err != nil || n > 255 || len(g) > 1 && g[0] == '0' {
			return false
		}
	}
	return true
}

func isIPv6(s string) bool {
	return strings.Contains(s, ":") && net.ParseIP(s) != nil
}

// isURI checks RFC 3986: a URI (section 3) or, with ref, a URI-reference
// (section 4.1).
func isURI(s string, ref bool) bool {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		if !uriChars(s[i+1:], "/?:@") {
			return false
		}
		s = s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		if !uriChars(s[i+1:], "/?:@") {
			return false
		}
		s = s[:i]
	}
	if i := strings.IndexByte(s, ':'); i > 0 && !strings.ContainsRune(s[:i], '/') && isScheme(s[:i]) {
		s = s[i+1:]
	} else if !ref {
		return false
	} else if seg, _, _ := strings.Cut(s, "/"); strings.IndexByte(seg, ':') >= 0 {
		return false // path-noscheme: no ':' in the first segment
	}
	if rest, ok := strings.CutPrefix(s, "//"); ok {
		auth, path := rest, ""
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			auth, path = rest[:i], rest[i:]
		}
		return isAuthority(auth) && uriChars(path, "/:@")
	}
	return uriChars(s, "/:@")
}

func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return s != ""
}

// isAuthority checks [ userinfo "@" ] host [ ":" port ].
func isAuthority(s string) bool {
	if i := strings.IndexByte(s, '@'); i >= 0 {
		if !uriChars(s[:i], ":") {
			return false
		}
		s = s[i+1:]
	}
	host, port := s, ""
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return false
		}
		host, port = s[1:end], s[end+1:]
		if port != "" && port[0] != ':' {
			return false
		}
		if !isIPLiteral(host) {
			return false
		}
	} else {
		if i := strings.IndexByte(s, ':'); i >= 0 {
			host, port = s[:i], s[i:]
		}
		if !uriChars(host, "") {
			return false
		}
	}
	return strings.Trim(strings.TrimPrefix(port, ":"), "0123456789") == ""
}

// isIPLiteral checks the inside of an IP-literal: IPv6address or IPvFuture.
func isIPLiteral(s string) bool {
	if len(s) > 1 && (s[0] == 'v' || s[0] == 'V') {
		dot := strings.IndexByte(s, '.')
		return dot > 1 && strings.Trim(s[1:dot], "0123456789abcdefABCDEF") == "" && dot < len(s)-1 && uriChars(s[dot+1:], ":") && !strings.Contains(s[dot+1:], "%")
	}
	return !strings.Contains(s, "%") && isIPv6(s)
}

// uriChars reports whether s holds only unreserved and sub-delims
// characters, percent-encodings, and the bytes of extra.
func uriChars(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
		case strings.IndexByte("-._~!$&'()*+,;=", c) >= 0:
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
			i += 2
		case strings.IndexByte(extra, c) >= 0:
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isUUID(s string) bool {
	groups := []int{8, 4, 4, 4, 12}
	for i, n := range groups {
		for ; n > 0; n-- {
			if s == "" {
				return false
			}
			c := s[0]
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
			s = s[1:]
		}
		if i == len(groups)-1 {
			break
		}
		if s == "" || s[0] != '-' {
			return false
		}
		s = s[1:]
	}
	return s == ""
}
