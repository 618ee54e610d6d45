package shapeimpl

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckIntMatchesCheckNumber: the integer shortcut of the bounds
// (checkInt) reports what the decimal comparison (checkNumber) does, for
// integer bounds and others (fractions, exponents, beyond int64), at and
// around each bound.
func TestCheckIntMatchesCheckNumber(t *testing.T) {
	bounds := []string{"0", "100", "-1", "1.5", "-1.5", "1e2", "2147483647", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e30", "0.0000001"}
	values := []string{"0", "-0", "1", "-1", "2", "99", "100", "101", "-2", "2147483646", "2147483647", "2147483648", "999999999999999999", "-999999999999999999"}
	kinds := []func(*Number) Rule{
		func(n *Number) Rule { return Rule{Minimum: n} },
		func(n *Number) Rule { return Rule{Maximum: n} },
		func(n *Number) Rule { return Rule{ExclusiveMinimum: n} },
		func(n *Number) Rule { return Rule{ExclusiveMaximum: n} },
		func(n *Number) Rule { return Rule{Minimum: n, MultipleOf: Num("3")} },
	}
	reports := 0
	for _, b := range bounds {
		for k, kind := range kinds {
			r := kind(Num(b))
			for _, v := range values {
				n, ok := parsePlainInt(v, 64)
				if !ok {
					t.Fatalf("%s is not a plain int64", v)
				}
				var viaInt, viaText Decoder
				viaInt.checkInt(&r, n, v)
				viaText.checkNumber(&r, v)
				if diff := cmp.Diff(viaText.violations, viaInt.violations); diff != "" {
					t.Errorf("bound %s (kind %d), value %s: checkInt differs from checkNumber (-checkNumber +checkInt):\n%s", b, k, v, diff)
				}
				reports += len(viaInt.violations)
			}
		}
	}
	if reports == 0 {
		t.Fatal("no value broke a bound: the table tests nothing")
	}
}
