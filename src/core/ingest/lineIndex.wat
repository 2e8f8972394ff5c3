;; The structural bytes of a piece of CSV text, found sixteen at a time: for each comma, line
;; feed, quote, carriage return or byte past ASCII, one 32-bit entry of its position (low 28 bits)
;; and its kind (top bits: 0 comma, 1 line feed, 2 any other).
(module
  (memory (export "memory") 1)
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
    (i32.add (local.get $out) (i32.const 4))))
