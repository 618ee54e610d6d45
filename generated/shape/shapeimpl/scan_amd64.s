//go:build !purego

#include "textflag.h"

// Sixteen bytes at a time with SSE2, which every amd64 processor has. See
// scan_amd64.go for the contracts and scan.go for the word-at-a-time
// versions they are checked against.

// bytes<b> holds the byte b 16 times.
DATA bytes20<>+0(SB)/8, $0x2020202020202020
DATA bytes20<>+8(SB)/8, $0x2020202020202020
GLOBL bytes20<>(SB), RODATA|NOPTR, $16
DATA bytes02<>+0(SB)/8, $0x0202020202020202
DATA bytes02<>+8(SB)/8, $0x0202020202020202
GLOBL bytes02<>(SB), RODATA|NOPTR, $16
DATA bytes3e<>+0(SB)/8, $0x3e3e3e3e3e3e3e3e
DATA bytes3e<>+8(SB)/8, $0x3e3e3e3e3e3e3e3e
GLOBL bytes3e<>(SB), RODATA|NOPTR, $16
DATA bytes04<>+0(SB)/8, $0x0404040404040404
DATA bytes04<>+8(SB)/8, $0x0404040404040404
GLOBL bytes04<>(SB), RODATA|NOPTR, $16
DATA bytes26<>+0(SB)/8, $0x2626262626262626
DATA bytes26<>+8(SB)/8, $0x2626262626262626
GLOBL bytes26<>(SB), RODATA|NOPTR, $16
DATA bytes22<>+0(SB)/8, $0x2222222222222222
DATA bytes22<>+8(SB)/8, $0x2222222222222222
GLOBL bytes22<>(SB), RODATA|NOPTR, $16
DATA bytes5c<>+0(SB)/8, $0x5c5c5c5c5c5c5c5c
DATA bytes5c<>+8(SB)/8, $0x5c5c5c5c5c5c5c5c
GLOBL bytes5c<>(SB), RODATA|NOPTR, $16

// UNSAFECONST loads the constants of UNSAFE.
#define UNSAFECONST \
	MOVOU bytes20<>(SB), X8 \
	MOVOU bytes02<>(SB), X9 \
	MOVOU bytes3e<>(SB), X10 \
	MOVOU bytes04<>(SB), X11 \
	MOVOU bytes26<>(SB), X12 \
	MOVOU bytes5c<>(SB), X13

// UNSAFE sets each byte of X1 to 0xff where the byte of X0 is below
// 0x20 or not ASCII (the bytes 0x20 is greater than, compared as signed
// bytes), '"', '&', '<', '>' or '\\', and to 0 elsewhere: '"' and '&' are
// the bytes that are 0x26 with bit 2 set, '<' and '>' those that are 0x3e
// with bit 1 set. It uses X2 to X4 and the constants UNSAFECONST loads.
#define UNSAFE \
	MOVO X8, X1 \
	PCMPGTB X0, X1 \
	MOVO X0, X2 \
	POR X9, X2 \
	PCMPEQB X10, X2 \
	MOVO X0, X3 \
	POR X11, X3 \
	PCMPEQB X12, X3 \
	MOVO X0, X4 \
	PCMPEQB X13, X4 \
	POR X2, X1 \
	POR X3, X4 \
	POR X4, X1

// func copyRunSSE2(dst, src *byte, n int) int
TEXT ·copyRunSSE2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	UNSAFECONST
	XORQ DX, DX
	SUBQ $16, CX // the offset of the last 16 bytes

copyloop:
	CMPQ DX, CX
	JGE copylast
	MOVOU (SI)(DX*1), X0
	MOVOU X0, (DI)(DX*1)
	UNSAFE
	PMOVMSKB X1, AX
	TESTL AX, AX
	JNZ copyfound
	ADDQ $16, DX
	JMP copyloop

copylast:
	// The last 16 bytes, which may overlap those before: the bytes before
	// DX are safe, so the first one found is still the first.
	MOVQ CX, DX
	MOVOU (SI)(DX*1), X0
	MOVOU X0, (DI)(DX*1)
	UNSAFE
	PMOVMSKB X1, AX
	TESTL AX, AX
	JNZ copyfound
	ADDQ $16, DX
	MOVQ DX, ret+24(FP)
	RET

copyfound:
	BSFL AX, AX
	ADDQ DX, AX
	MOVQ AX, ret+24(FP)
	RET

// PLAIN sets each byte of X1 to 0xff where the byte of X0 is below 0x20
// or not ASCII (as in UNSAFE), '"' or '\\', and to 0 elsewhere. It uses X2
// and X3 and the constants PLAINCONST loads.
#define PLAIN \
	MOVO X8, X1 \
	PCMPGTB X0, X1 \
	MOVO X0, X2 \
	PCMPEQB X9, X2 \
	MOVO X0, X3 \
	PCMPEQB X13, X3 \
	POR X2, X1 \
	POR X3, X1

// PLAINCONST loads the constants of PLAIN.
#define PLAINCONST \
	MOVOU bytes20<>(SB), X8 \
	MOVOU bytes22<>(SB), X9 \
	MOVOU bytes5c<>(SB), X13

// func plainRunSSE2(p *byte, n int) int
TEXT ·plainRunSSE2(SB), NOSPLIT, $0-24
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	PLAINCONST
	XORQ DX, DX
	SUBQ $16, CX // the offset of the last 16 bytes

plainloop:
	CMPQ DX, CX
	JGE plainlast
	MOVOU (SI)(DX*1), X0
	PLAIN
	PMOVMSKB X1, AX
	TESTL AX, AX
	JNZ found
	ADDQ $16, DX
	JMP plainloop

plainlast:
	// The last 16 bytes, which may overlap those before: the bytes before
	// DX are plain, so the first one found is still the first.
	MOVQ CX, DX
	MOVOU (SI)(DX*1), X0
	PLAIN
	PMOVMSKB X1, AX
	TESTL AX, AX
	JNZ found
	ADDQ $16, DX
	MOVQ DX, ret+16(FP)
	RET

found:
	BSFL AX, AX
	ADDQ DX, AX
	MOVQ AX, ret+16(FP)
	RET
