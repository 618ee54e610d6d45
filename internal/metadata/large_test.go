package metadata

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// synthetic generates a CSDL document of about size bytes on the fly, so
// the input itself is never held in memory: an EDMX wrapper around one
// schema that repeats a block of an enum, a complex type and an entity type
// with distinct names. Annotated blocks carry a description on every
// property and type, as Graph's published (not "clean") metadata does;
// dense blocks are types only, like the trimmed excerpt.
type synthetic struct {
	size, produced int64
	annotated      bool
	block          int
	buf            []byte
	off            int
	state          int // 0 header, 1 blocks, 2 footer, 3 done

	// sample, when set, is called after every MiB produced.
	sample     func()
	nextSample int64
}

func newSynthetic(size int64, annotated bool) *synthetic {
	return &synthetic{size: size, annotated: annotated, buf: make([]byte, 0, 16<<10)}
}

const syntheticHeader = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph.security" Alias="self" xmlns="http://docs.oasis-open.org/odata/ns/edm">
`

const syntheticFooter = `    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

var syntheticProps = []struct{ name, typ, nullable string }{
	{"displayName", "Edm.String", ""},
	{"description", "Edm.String", ""},
	{"createdDateTime", "Edm.DateTimeOffset", ` Nullable="false"`},
	{"lastModifiedDateTime", "Edm.DateTimeOffset", ""},
	{"priorityScore", "Edm.Int32", ""},
	{"isEnabled", "Edm.Boolean", ` Nullable="false"`},
	{"tenantId", "Edm.String", ""},
	{"tags", "Collection(Edm.String)", ""},
	{"status", "self.status%d", ` Nullable="false"`},
	{"detail", "self.detail%d", ""},
	{"details", "Collection(self.detail%d)", ""},
	{"webUrl", "Edm.String", ""},
	{"ownerId", "Edm.Guid", ""},
	{"score", "Edm.Double", ""},
	{"sizeInBytes", "Edm.Int64", ""},
	{"summary", "Edm.String", ""},
}

func (g *synthetic) describe(b []byte, indent, what string) []byte {
	if !g.annotated {
		return b
	}
	return fmt.Appendf(b, "%s<Annotation Term=\"Org.OData.Core.V1.Description\" String=\"The %s. Read-only unless the update page says otherwise; see the resource page for details.\" />\n", indent, what)
}

func (g *synthetic) fill() {
	b := g.buf[:0]
	i := g.block
	b = fmt.Appendf(b, "      <EnumType Name=\"status%d\">\n", i)
	for j, m := range []string{"unknown", "active", "resolved", "inProgress", "redirected", "unknownFutureValue", "awaitingAction", "dismissed"} {
		b = fmt.Appendf(b, "        <Member Name=\"%s\" Value=\"%d\" />\n", m, j)
	}
	b = append(b, "      </EnumType>\n"...)
	b = fmt.Appendf(b, "      <ComplexType Name=\"detail%d\">\n", i)
	b = g.describe(b, "        ", "detail of an item")
	for _, p := range syntheticProps[:6] {
		b = g.property(b, p.name, p.typ, p.nullable, i)
	}
	b = append(b, "      </ComplexType>\n"...)
	b = fmt.Appendf(b, "      <EntityType Name=\"item%d\" BaseType=\"graph.entity\">\n", i)
	b = g.describe(b, "        ", "item the service keeps")
	for _, p := range syntheticProps {
		b = g.property(b, p.name, p.typ, p.nullable, i)
	}
	b = fmt.Appendf(b, "        <NavigationProperty Name=\"previous\" Type=\"self.item%d\" />\n", max(i-1, 0))
	b = append(b, "      </EntityType>\n"...)
	g.buf, g.off = b, 0
	g.block++
}

func (g *synthetic) property(b []byte, name, typ, nullable string, i int) []byte {
	if strings.Contains(typ, "%d") {
		typ = fmt.Sprintf(typ, i)
	}
	if !g.annotated {
		return fmt.Appendf(b, "        <Property Name=\"%s\" Type=\"%s\"%s />\n", name, typ, nullable)
	}
	b = fmt.Appendf(b, "        <Property Name=\"%s\" Type=\"%s\"%s>\n", name, typ, nullable)
	b = g.describe(b, "          ", name+" property")
	return append(b, "        </Property>\n"...)
}

func (g *synthetic) Read(p []byte) (int, error) {
	for g.off == len(g.buf) {
		switch {
		case g.state == 0:
			g.buf, g.off, g.state = append(g.buf[:0], syntheticHeader...), 0, 1
		case g.state == 1 && g.produced+int64(len(syntheticFooter)) < g.size:
			g.fill()
		case g.state <= 2:
			g.buf, g.off, g.state = append(g.buf[:0], syntheticFooter...), 0, 3
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	g.produced += int64(n)
	if g.sample != nil && g.produced >= g.nextSample {
		g.sample()
		g.nextSample += 1 << 20
	}
	return n, nil
}

// BenchmarkParseLarge parses a synthetic 50 MB CSDL document streamed from
// a generator. Run with -benchmem: B/op is everything allocated while
// reading (mostly encoding/xml's tokens, garbage at once), not what is
// retained; TestParseLargeBoundedMemory measures the heap.
func BenchmarkParseLarge(b *testing.B) {
	for _, annotated := range []bool{true, false} {
		name := "dense"
		if annotated {
			name = "annotated"
		}
		b.Run(name, func(b *testing.B) {
			const size = 50 << 20
			b.SetBytes(size)
			b.ReportAllocs()
			var types int
			for b.Loop() {
				m, err := Parse(newSynthetic(size, annotated), "synthetic.xml")
				if err != nil {
					b.Fatal(err)
				}
				types = len(m.Types) + len(m.Enums)
			}
			b.ReportMetric(float64(types), "types")
		})
	}
}

// TestParseLargeBoundedMemory streams synthetic 50 MB documents and measures
// the heap: its peak growth while reading (sampled after every MiB) and what
// stays after a GC (the model). The annotated document, shaped like Graph's
// published metadata (a description on every type and property; about
// 23,000 types, three times beta's whole type count), must peak under
// 64 MiB. The dense one is types only (77,000 types, 560,000 properties):
// what it keeps is the model, which must stay under 64 MiB; its peak is
// logged (Go's collector lets the heap reach about twice the live data).
func TestParseLargeBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 100 MB of XML")
	}
	const size, limit = 50 << 20, 64 << 20
	tests := []struct {
		name      string
		annotated bool
		peakLimit bool // the limit holds for the peak, else for what is retained
	}{
		{"annotated", true, true},
		{"dense", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			base, peak := ms.HeapAlloc, ms.HeapAlloc
			g := newSynthetic(size, tt.annotated)
			g.sample = func() {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
			m, err := Parse(g, "synthetic.xml")
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			runtime.GC()
			runtime.ReadMemStats(&ms)
			retained := int64(ms.HeapAlloc) - int64(base)
			growth := int64(peak) - int64(base)
			t.Logf("%d bytes read, %d blocks, %d structured + %d enum types; heap growth: peak %.1f MiB, retained %.1f MiB",
				g.produced, g.block, len(m.Types), len(m.Enums), float64(growth)/(1<<20), float64(retained)/(1<<20))
			if g.produced < size-(64<<10) {
				t.Errorf("the generator produced %d bytes, want about %d", g.produced, size)
			}
			if tt.peakLimit && growth > limit {
				t.Errorf("peak heap growth %d bytes, want under %d", growth, limit)
			}
			if retained > limit {
				t.Errorf("retained heap growth %d bytes, want under %d", retained, limit)
			}
			// The model is complete: the last entity resolves.
			last := m.Types[fmt.Sprintf("microsoft.graph.security.item%d", g.block-1)]
			if last == nil || len(last.Properties) != len(syntheticProps) {
				t.Fatalf("last entity: %+v", last)
			}
			if got := last.Properties[8].Type; got != fmt.Sprintf("microsoft.graph.security.status%d", g.block-1) {
				t.Errorf("alias not resolved: %s", got)
			}
			runtime.KeepAlive(m)
		})
	}
}
