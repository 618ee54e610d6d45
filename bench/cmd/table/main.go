// Command table prints the benchmark table of graphshape against
// goccy/go-json, encoding/json, json.Valid and jsonschema v5: for each
// workload, the median over interleaved rounds of each contestant's time
// relative to graphshape's strict decoder in the same round, with
// allocations; then MarshalJSON against the baselines' Marshal; then the
// growth table: lists of 1 to 100,000 incidents decoded by graphshape,
// goccy/go-json and encoding/json (ns/op, ns/incident, B/op, allocs/op, GC
// share); then gen validate on 100,000 JSON Lines incidents, whole process,
// with the generated decoders and with -schema (jsonschema v5), on every core
// and on one (wall time, documents per second, maximum RSS). bench's tests
// check that the contestants decode the same data; the gen validate runs must
// report the same findings.
//
//	go run ./cmd/table [-rounds 5] [-benchtime 300ms] [-max 100000] [-validate 100000]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"testing"
	"time"

	"github.com/graphshape/graphshape/bench"
)

func main() {
	if report := os.Getenv(launchEnv); report != "" {
		os.Unsetenv(launchEnv)
		launch(report, os.Args[1:])
		return
	}
	rounds := flag.Int("rounds", 5, "interleaved rounds; the table shows medians")
	benchtime := flag.Duration("benchtime", 300*time.Millisecond, "time per benchmark run")
	maxN := flag.Int("max", 100000, "largest list of the growth table")
	validate := flag.Int("validate", 100000, "JSON Lines documents for the gen validate table (0: no such table)")
	testing.Init()
	flag.Parse()
	if err := flag.Set("test.benchtime", benchtime.String()); err != nil {
		fail(err)
	}
	if err := run(*rounds, *maxN); err != nil {
		fail(err)
	}
	if *validate > 0 {
		if err := validateTable(*rounds, *validate); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "table:", err)
	os.Exit(2)
}

type result struct {
	ns, allocs, bytes []float64 // one per round
	ratio             []float64 // ns relative to the first contestant, per round
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func measure(f func(b *testing.B)) testing.BenchmarkResult {
	return testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		f(b)
	})
}

func run(rounds, maxN int) error {
	ws, err := bench.Workloads()
	if err != nil {
		return err
	}
	cs, err := bench.Contestants()
	if err != nil {
		return err
	}
	fmt.Printf("Decoding (strict decode + full validation for graphshape), %d interleaved rounds, medians; x = time / graphshape's\n\n", rounds)
	fmt.Println("| workload | contestant | ns/op | x graphshape | allocs/op | B/op |")
	fmt.Println("|---|---|---:|---:|---:|---:|")
	for _, w := range ws {
		for _, c := range cs {
			if _, err := c.Decode(w); err != nil {
				return fmt.Errorf("%s rejects %s: %w", c.Name, w.Name, err)
			}
		}
		res := make([]result, len(cs))
		for range rounds {
			var base float64
			for i, c := range cs {
				r := measure(func(b *testing.B) {
					b.SetBytes(int64(len(w.Doc)))
					for b.Loop() {
						if _, err := c.Decode(w); err != nil {
							b.Fatal(err)
						}
					}
				})
				ns := float64(r.NsPerOp())
				if i == 0 {
					base = ns
				}
				res[i].ns = append(res[i].ns, ns)
				res[i].ratio = append(res[i].ratio, ns/base)
				res[i].allocs = append(res[i].allocs, float64(r.AllocsPerOp()))
				res[i].bytes = append(res[i].bytes, float64(r.AllocedBytesPerOp()))
			}
		}
		for i, c := range cs {
			fmt.Printf("| %s (%d B) | %s | %.0f | %.2f | %.0f | %.0f |\n", w.Name, len(w.Doc), c.Name, median(res[i].ns), median(res[i].ratio), median(res[i].allocs), median(res[i].bytes))
		}
	}

	fmt.Printf("\nEncoding the decoded values (graphshape MarshalJSON; the baselines' Marshal of the plain structs goccy decoded)\n\n")
	fmt.Println("| workload | encoder | ns/op | x graphshape | allocs/op | B/op | output B |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|")
	es := bench.Encoders()
	for _, w := range ws {
		gv, _ := cs[0].Decode(w)
		pv, _ := cs[2].Decode(w) // goccy's plain structs
		values := []any{gv, pv, pv}
		res := make([]result, len(es))
		sizes := make([]int, len(es))
		for range rounds {
			var base float64
			for i, e := range es {
				out, err := e.Encode(values[i])
				if err != nil {
					return fmt.Errorf("%s cannot encode %s: %w", e.Name, w.Name, err)
				}
				sizes[i] = len(out)
				r := measure(func(b *testing.B) {
					for b.Loop() {
						if _, err := e.Encode(values[i]); err != nil {
							b.Fatal(err)
						}
					}
				})
				ns := float64(r.NsPerOp())
				if i == 0 {
					base = ns
				}
				res[i].ns = append(res[i].ns, ns)
				res[i].ratio = append(res[i].ratio, ns/base)
				res[i].allocs = append(res[i].allocs, float64(r.AllocsPerOp()))
				res[i].bytes = append(res[i].bytes, float64(r.AllocedBytesPerOp()))
			}
		}
		for i, e := range es {
			fmt.Printf("| %s | %s | %.0f | %.2f | %.0f | %.0f | %d |\n", w.Name, e.Name, median(res[i].ns), median(res[i].ratio), median(res[i].allocs), median(res[i].bytes), sizes[i])
		}
	}

	fmt.Printf("\nGrowth: a list of n incidents, decoded by graphshape (strict, validating), goccy/go-json and encoding/json; medians; GC share = GC CPU time / all CPU time while measuring\n\n")
	fmt.Println("| n | bytes | decoder | ns/op | ns/incident | x graphshape | B/op | allocs/op | GC share |")
	fmt.Println("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
	gs := bench.Growth(cs)
	for _, n := range bench.GrowthSizes {
		if n > maxN {
			break
		}
		doc, err := bench.ListOf(n)
		if err != nil {
			return err
		}
		w := bench.Workload{Name: fmt.Sprint(n), Doc: doc, List: true}
		res := make([]result, len(gs))
		gc := make([][]float64, len(gs))
		for range rounds {
			var base float64
			for i, c := range gs {
				before := gcShare()
				r := measure(func(b *testing.B) {
					for b.Loop() {
						if _, err := c.Decode(w); err != nil {
							b.Fatal(err)
						}
					}
				})
				gc[i] = append(gc[i], gcShare().since(before))
				ns := float64(r.NsPerOp())
				if i == 0 {
					base = ns
				}
				res[i].ns = append(res[i].ns, ns)
				res[i].ratio = append(res[i].ratio, ns/base)
				res[i].allocs = append(res[i].allocs, float64(r.AllocsPerOp()))
				res[i].bytes = append(res[i].bytes, float64(r.AllocedBytesPerOp()))
			}
		}
		for i, c := range gs {
			fmt.Printf("| %d | %d | %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f%% |\n", n, len(doc), c.Name, median(res[i].ns), median(res[i].ns)/float64(n),
				median(res[i].ratio), median(res[i].bytes), median(res[i].allocs), 100*median(gc[i]))
		}
	}
	return nil
}

// cpu is a reading of the runtime's CPU time classes.
type cpu struct{ gc, total float64 }

func gcShare() cpu {
	runtime.GC() // flush the metrics
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/user:cpu-seconds"}}
	metrics.Read(s)
	gc, user := s[0].Value.Float64(), s[1].Value.Float64()
	return cpu{gc: gc, total: gc + user}
}

func (c cpu) since(before cpu) float64 {
	d := c.total - before.total
	if d <= 0 {
		return 0
	}
	return (c.gc - before.gc) / d
}
