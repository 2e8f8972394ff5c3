;; Bytes of a file copied into this module's memory and read there: the structural bytes of a
;; piece of CSV text found sixteen at a time (index), the hashes and numbers of its fields, and
;; MurmurHash3 x86_128 of whole blocks (the file's identity).
(module
  (memory (export "memory") 1)
  ;; For each comma, line feed, quote, carriage return or byte past ASCII of [from, to), one 32-bit
  ;; entry from `out` on: its position (low 28 bits) and its kind (top bits: 0 comma, 1 line feed,
  ;; 2 any other). Returns where the entries end.
  (func (export "index") (param $from i32) (param $to i32) (param $out i32) (result i32)
    (local $at i32) (local $v v128) (local $mask i32) (local $pos i32) (local $c i32)
    (local.set $at (local.get $from))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.gt_u (i32.add (local.get $at) (i32.const 16)) (local.get $to)))
        (local.set $v (v128.load (local.get $at)))
        (local.set $mask
          (i32.or
            (i8x16.bitmask
              (v128.or
                (v128.or
                  (i8x16.eq (local.get $v) (v128.const i8x16 44 44 44 44 44 44 44 44 44 44 44 44 44 44 44 44))
                  (i8x16.eq (local.get $v) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10)))
                (v128.or
                  (i8x16.eq (local.get $v) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34))
                  (i8x16.eq (local.get $v) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13)))))
            (i8x16.bitmask (local.get $v))))
        (block $bitsDone
          (loop $bits
            (br_if $bitsDone (i32.eqz (local.get $mask)))
            (local.set $pos (i32.add (local.get $at) (i32.ctz (local.get $mask))))
            (local.set $out (call $entry (local.get $out) (local.get $pos)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $bits)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $at) (local.get $to)))
        (local.set $c (i32.load8_u (local.get $at)))
        (if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 44)) (i32.eq (local.get $c) (i32.const 10)))
                    (i32.or (i32.or (i32.eq (local.get $c) (i32.const 34)) (i32.eq (local.get $c) (i32.const 13))) (i32.ge_u (local.get $c) (i32.const 128))))
          (then (local.set $out (call $entry (local.get $out) (local.get $at)))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $tail)))
    (local.get $out))
  (func $entry (param $out i32) (param $pos i32) (result i32)
    (local $c i32)
    (local.set $c (i32.load8_u (local.get $pos)))
    (i32.store (local.get $out)
      (i32.or (local.get $pos)
        (select (i32.const 0)
          (select (i32.const 0x10000000) (i32.const 0x20000000) (i32.eq (local.get $c) (i32.const 10)))
          (i32.eq (local.get $c) (i32.const 44)))))
    (i32.add (local.get $out) (i32.const 4)))
  ;; hashText (columns.ts) of the ASCII bytes [from, to): MurmurHash3 x86_32's steps over four bytes at a time,
  ;; lowest first, with the seed and constants given, then its final mixing with the length.
  (func (export "hash") (param $from i32) (param $to i32) (param $seed i32) (param $c1 i32) (param $c2 i32) (result i32)
    (local $h i32) (local $at i32) (local $rest i32) (local $left i32)
    (local.set $h (local.get $seed))
    (local.set $at (local.get $from))
    (block $wordsDone
      (loop $words
        (br_if $wordsDone (i32.gt_u (i32.add (local.get $at) (i32.const 4)) (local.get $to)))
        (local.set $h
          (i32.add
            (i32.mul (i32.rotl (i32.xor (local.get $h) (i32.mul (i32.rotl (i32.mul (i32.load (local.get $at)) (local.get $c1)) (i32.const 15)) (local.get $c2))) (i32.const 13)) (i32.const 5))
            (i32.const 0xe6546b64)))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $words)))
    (local.set $left (i32.sub (local.get $to) (local.get $at)))
    (if (local.get $left)
      (then
        (local.set $rest (i32.load8_u (local.get $at)))
        (if (i32.gt_u (local.get $left) (i32.const 1))
          (then (local.set $rest (i32.or (local.get $rest) (i32.shl (i32.load8_u offset=1 (local.get $at)) (i32.const 8))))))
        (if (i32.gt_u (local.get $left) (i32.const 2))
          (then (local.set $rest (i32.or (local.get $rest) (i32.shl (i32.load8_u offset=2 (local.get $at)) (i32.const 16))))))
        (local.set $h (i32.xor (local.get $h) (i32.mul (i32.rotl (i32.mul (local.get $rest) (local.get $c1)) (i32.const 15)) (local.get $c2))))))
    ;; $fmix of h ^ length, written out.
    (local.set $h (i32.xor (local.get $h) (i32.sub (local.get $to) (local.get $from))))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x85ebca6b)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (i32.const 0xc2b2ae35)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
  ;; The first 13 hex digits of [from, from + 13) as a number below 2^52; -1 unless all are hex.
  (func (export "hexPrefix") (param $from i32) (result f64)
    (local $value f64) (local $at i32) (local $c i32) (local $digit i32)
    (local.set $at (local.get $from))
    (block $done
      (loop $digits
        (br_if $done (i32.ge_u (local.get $at) (i32.add (local.get $from) (i32.const 13))))
        (local.set $c (i32.load8_u (local.get $at)))
        (local.set $digit
          (if (result i32) (i32.lt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10))
            (then (i32.sub (local.get $c) (i32.const 48)))
            (else
              ;; a-f or A-F: the lower case of the letter
              (if (result i32) (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 6))
                (then (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 87)))
                (else (return (f64.const -1)))))))
        (local.set $value (f64.add (f64.mul (local.get $value) (f64.const 16)) (f64.convert_i32_u (local.get $digit))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $digits)))
    (local.get $value))
  ;; MurmurHash3 x86_128's steps over the 16-byte blocks of [from, to) (a multiple of 16 bytes long),
  ;; from and back into the state h1..h4 at `state`.
  (func (export "murmurSteps") (param $from i32) (param $to i32) (param $state i32)
    (local $h1 i32) (local $h2 i32) (local $h3 i32) (local $h4 i32) (local $at i32)
    (local.set $h1 (i32.load (local.get $state)))
    (local.set $h2 (i32.load offset=4 (local.get $state)))
    (local.set $h3 (i32.load offset=8 (local.get $state)))
    (local.set $h4 (i32.load offset=12 (local.get $state)))
    (local.set $at (local.get $from))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $at) (local.get $to)))
        (local.set $h1 (i32.xor (local.get $h1) (i32.mul (i32.rotl (i32.mul (i32.load (local.get $at)) (i32.const 0x239b961b)) (i32.const 15)) (i32.const 0xab0e9789))))
        (local.set $h1 (i32.add (i32.mul (i32.add (i32.rotl (local.get $h1) (i32.const 19)) (local.get $h2)) (i32.const 5)) (i32.const 0x561ccd1b)))
        (local.set $h2 (i32.xor (local.get $h2) (i32.mul (i32.rotl (i32.mul (i32.load offset=4 (local.get $at)) (i32.const 0xab0e9789)) (i32.const 16)) (i32.const 0x38b34ae5))))
        (local.set $h2 (i32.add (i32.mul (i32.add (i32.rotl (local.get $h2) (i32.const 17)) (local.get $h3)) (i32.const 5)) (i32.const 0x0bcaa747)))
        (local.set $h3 (i32.xor (local.get $h3) (i32.mul (i32.rotl (i32.mul (i32.load offset=8 (local.get $at)) (i32.const 0x38b34ae5)) (i32.const 17)) (i32.const 0xa1e38b93))))
        (local.set $h3 (i32.add (i32.mul (i32.add (i32.rotl (local.get $h3) (i32.const 15)) (local.get $h4)) (i32.const 5)) (i32.const 0x96cd1c35)))
        (local.set $h4 (i32.xor (local.get $h4) (i32.mul (i32.rotl (i32.mul (i32.load offset=12 (local.get $at)) (i32.const 0xa1e38b93)) (i32.const 18)) (i32.const 0x239b961b))))
        (local.set $h4 (i32.add (i32.mul (i32.add (i32.rotl (local.get $h4) (i32.const 13)) (local.get $h1)) (i32.const 5)) (i32.const 0x32ac3b17)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (i32.store (local.get $state) (local.get $h1))
    (i32.store offset=4 (local.get $state) (local.get $h2))
    (i32.store offset=8 (local.get $state) (local.get $h3))
    (i32.store offset=12 (local.get $state) (local.get $h4)))
  ;; MurmurHash3 x86_128's end, after its steps: the last 0 to 15 bytes [from, to), each lane mixed
  ;; once if it holds any, then the mixing with the whole input's `length` (modulo 2^32), into the
  ;; state at `state`, whose next 16 bytes are scratch for those last bytes.
  (func (export "murmurEnd") (param $from i32) (param $to i32) (param $length i32) (param $state i32)
    (local $h1 i32) (local $h2 i32) (local $h3 i32) (local $h4 i32) (local $left i32) (local $i i32)
    (local.set $left (i32.sub (local.get $to) (local.get $from)))
    (i64.store offset=16 (local.get $state) (i64.const 0))
    (i64.store offset=24 (local.get $state) (i64.const 0))
    (block $copied
      (loop $copy
        (br_if $copied (i32.ge_u (local.get $i) (local.get $left)))
        (i32.store8 offset=16 (i32.add (local.get $state) (local.get $i)) (i32.load8_u (i32.add (local.get $from) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $copy)))
    (local.set $h1 (i32.load (local.get $state)))
    (local.set $h2 (i32.load offset=4 (local.get $state)))
    (local.set $h3 (i32.load offset=8 (local.get $state)))
    (local.set $h4 (i32.load offset=12 (local.get $state)))
    (if (i32.gt_u (local.get $left) (i32.const 12))
      (then (local.set $h4 (i32.xor (local.get $h4) (call $lane (i32.load offset=28 (local.get $state)) (i32.const 0xa1e38b93) (i32.const 18) (i32.const 0x239b961b))))))
    (if (i32.gt_u (local.get $left) (i32.const 8))
      (then (local.set $h3 (i32.xor (local.get $h3) (call $lane (i32.load offset=24 (local.get $state)) (i32.const 0x38b34ae5) (i32.const 17) (i32.const 0xa1e38b93))))))
    (if (i32.gt_u (local.get $left) (i32.const 4))
      (then (local.set $h2 (i32.xor (local.get $h2) (call $lane (i32.load offset=20 (local.get $state)) (i32.const 0xab0e9789) (i32.const 16) (i32.const 0x38b34ae5))))))
    (if (i32.gt_u (local.get $left) (i32.const 0))
      (then (local.set $h1 (i32.xor (local.get $h1) (call $lane (i32.load offset=16 (local.get $state)) (i32.const 0x239b961b) (i32.const 15) (i32.const 0xab0e9789))))))
    (local.set $h1 (i32.xor (local.get $h1) (local.get $length)))
    (local.set $h2 (i32.xor (local.get $h2) (local.get $length)))
    (local.set $h3 (i32.xor (local.get $h3) (local.get $length)))
    (local.set $h4 (i32.xor (local.get $h4) (local.get $length)))
    (local.set $h1 (i32.add (local.get $h1) (i32.add (local.get $h2) (i32.add (local.get $h3) (local.get $h4)))))
    (local.set $h2 (i32.add (local.get $h2) (local.get $h1)))
    (local.set $h3 (i32.add (local.get $h3) (local.get $h1)))
    (local.set $h4 (i32.add (local.get $h4) (local.get $h1)))
    (local.set $h1 (call $fmix (local.get $h1)))
    (local.set $h2 (call $fmix (local.get $h2)))
    (local.set $h3 (call $fmix (local.get $h3)))
    (local.set $h4 (call $fmix (local.get $h4)))
    (local.set $h1 (i32.add (local.get $h1) (i32.add (local.get $h2) (i32.add (local.get $h3) (local.get $h4)))))
    (i32.store (local.get $state) (local.get $h1))
    (i32.store offset=4 (local.get $state) (i32.add (local.get $h2) (local.get $h1)))
    (i32.store offset=8 (local.get $state) (i32.add (local.get $h3) (local.get $h1)))
    (i32.store offset=12 (local.get $state) (i32.add (local.get $h4) (local.get $h1))))
  ;; Four bytes (one lane's word) scrambled on their own. hash and murmurSteps write it (and hash
  ;; $fmix) out in place: V8 does not inline calls here, and with a call a word reading a big file
  ;; took a fifth longer.
  (func $lane (param $k i32) (param $first i32) (param $r i32) (param $second i32) (result i32)
    (i32.mul (i32.rotl (i32.mul (local.get $k) (local.get $first)) (local.get $r)) (local.get $second)))
  ;; MurmurHash3's final mixing of a word.
  (func $fmix (param $h i32) (result i32)
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))) (i32.const 0x85ebca6b)))
    (local.set $h (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (i32.const 0xc2b2ae35)))
    (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16)))))
