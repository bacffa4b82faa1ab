//! Small blocks kept on free lists in front of TLSF (the allocator of both builds).
//!
//! A check allocates and frees the same few hundred small blocks on every call: the strings and
//! maps of the measure read in, the findings' strings, the report's tape. TLSF finds, splits,
//! links, unlinks and merges blocks for each of them; in the form job's profile that was about
//! 14 % of a check's own time. Here a freed block of up to 512 bytes goes onto a list of its
//! size class and the next request of that class pops it, without touching TLSF. Blocks on the
//! lists are never merged back, so memory freed as small blocks stays small blocks: a wasm's
//! memory never shrinks anyway, and the next check needs the same sizes again.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use core::ptr;

/// Classes of 16 bytes, up to 512 bytes.
const STEP: usize = 16;
const CLASSES: usize = 32;
/// Every block of a class is allocated with this alignment, so that any request it serves
/// (alignment up to 8, which is all the engine asks for) is satisfied by any block of it.
const ALIGN: usize = 8;

/// The free lists in front of `A`, which serves large blocks and the lists' new blocks.
pub struct SmallBlocks<A> {
    inner: A,
    free: [Cell<*mut u8>; CLASSES],
}

// SAFETY: a static must be Sync, and this one is only ever used by one thread: WebAssembly
// without the atomics feature has no others (a build with it stops at the compile_error
// below; it would need a lock, as rlsf's GlobalTlsf has). Natively it is not Sync: the tests
// each own one.
#[cfg(target_arch = "wasm32")]
unsafe impl<A: Sync> Sync for SmallBlocks<A> {}

#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("wasm/src/small.rs assumes one thread: its free lists have no lock");

impl<A> SmallBlocks<A> {
    pub const fn new(inner: A) -> Self {
        Self {
            inner,
            free: [const { Cell::new(ptr::null_mut()) }; CLASSES],
        }
    }
}

/// The class of a layout, and the block size that class allocates; none for a large or
/// over-aligned layout, which TLSF serves as before.
fn class(size: usize, align: usize) -> Option<(usize, usize)> {
    if align > ALIGN || size > STEP * CLASSES {
        return None;
    }
    let index = size.max(1).div_ceil(STEP) - 1;
    Some((index, (index + 1) * STEP))
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class(layout.size(), layout.align()).and_then(|(i, size)| Some((self.free.get(i)?, size))) {
            Some((list, size)) => {
                let head = list.get();
                if head.is_null() {
                    // SAFETY: size is non-zero and ALIGN a power of two.
                    unsafe { self.inner.alloc(Layout::from_size_align_unchecked(size, ALIGN)) }
                } else {
                    // SAFETY: a listed block is at least 16 bytes, 8-aligned, and holds the
                    // next block's address in its first word (written by dealloc).
                    list.set(unsafe { head.cast::<*mut u8>().read() });
                    head
                }
            }
            // SAFETY: the caller's contract is passed on.
            None => unsafe { self.inner.alloc(layout) },
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match class(layout.size(), layout.align()).and_then(|(i, _)| self.free.get(i)) {
            Some(list) => {
                // SAFETY: the block was allocated for this layout's class (the caller's
                // contract), so it is at least 16 bytes and 8-aligned, and no longer in use.
                unsafe { block.cast::<*mut u8>().write(list.get()) };
                list.set(block);
            }
            // SAFETY: the caller's contract is passed on.
            None => unsafe { self.inner.dealloc(block, layout) },
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = class(layout.size(), layout.align());
        let new = class(new_size, layout.align());
        match (old, new) {
            // SAFETY: the caller's contract is passed on.
            (None, None) => unsafe { self.inner.realloc(block, layout, new_size) },
            (Some((a, _)), Some((b, _))) if a == b => block,
            _ => {
                // SAFETY: new_size is non-zero and, rounded to the alignment, fits isize (the
                // caller's contract for realloc).
                let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
                // SAFETY: as alloc and dealloc above; the two blocks are distinct.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// The system allocator, remembering how many bytes each block it handed out has, so that
    /// a test can ask whether a block has room for what it is given.
    #[derive(Default)]
    struct Recording {
        sizes: RefCell<HashMap<usize, usize>>,
    }

    impl Recording {
        fn room(&self, block: *mut u8) -> usize {
            self.sizes.borrow().get(&(block as usize)).copied().unwrap_or(0)
        }
    }

    unsafe impl GlobalAlloc for Recording {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: the caller's contract is passed on.
            let block = unsafe { System.alloc(layout) };
            self.sizes.borrow_mut().insert(block as usize, layout.size());
            block
        }

        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            self.sizes.borrow_mut().remove(&(block as usize));
            // SAFETY: the caller's contract is passed on.
            unsafe { System.dealloc(block, layout) }
        }

        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            self.sizes.borrow_mut().remove(&(block as usize));
            // SAFETY: the caller's contract is passed on.
            let moved = unsafe { System.realloc(block, layout, new_size) };
            self.sizes.borrow_mut().insert(moved as usize, new_size);
            moved
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap_or(Layout::new::<u8>())
    }

    /// Fills a block with a pattern of its own, so that two blocks handed out twice would
    /// overwrite each other's.
    fn fill(block: *mut u8, size: usize, seed: u8) {
        for i in 0..size {
            // SAFETY: the block is `size` bytes long.
            unsafe { block.add(i).write(seed.wrapping_add(i as u8)) };
        }
    }

    fn holds(block: *const u8, size: usize, seed: u8) -> bool {
        // SAFETY: the block is `size` bytes long and was filled.
        (0..size).all(|i| unsafe { block.add(i).read() } == seed.wrapping_add(i as u8))
    }

    #[test]
    fn a_freed_small_block_is_handed_out_again_for_its_class_only() {
        let a = SmallBlocks::new(System);
        // SAFETY: each block is freed once, with the layout it was allocated with.
        unsafe {
            let first = a.alloc(layout(20, 8));
            assert!(!first.is_null());
            a.dealloc(first, layout(20, 8));
            // 17 to 32 bytes share a class; 16 and 33 do not.
            let other = a.alloc(layout(33, 1));
            assert_ne!(other, first);
            let again = a.alloc(layout(32, 4));
            assert_eq!(again, first);
            let next = a.alloc(layout(17, 1));
            assert_ne!(next, first);
            for (b, l) in [(other, layout(33, 1)), (again, layout(32, 4)), (next, layout(17, 1))] {
                a.dealloc(b, l);
            }
        }
    }

    #[test]
    fn a_zeroed_block_is_zero_even_when_it_was_used_before() {
        let a = SmallBlocks::new(System);
        // SAFETY: freed once, with the layout it was allocated with.
        unsafe {
            let used = a.alloc(layout(40, 8));
            fill(used, 40, 0xf0);
            a.dealloc(used, layout(40, 8));
            let zeroed = a.alloc_zeroed(layout(40, 8));
            assert_eq!(zeroed, used, "the same block, from its list");
            assert!((0..40).all(|i| zeroed.add(i).read() == 0));
            a.dealloc(zeroed, layout(40, 8));
        }
    }

    #[test]
    fn live_blocks_never_overlap_and_keep_their_bytes() {
        let a = SmallBlocks::new(System);
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        // A fixed mix of sizes around every class boundary, large blocks and an alignment
        // above 8, allocated and freed in an interleaved order, twice over.
        let sizes = [1, 15, 16, 17, 31, 32, 48, 100, 255, 256, 500, 511, 512, 513, 1000, 4096];
        for round in 0..2u8 {
            for (k, &size) in sizes.iter().enumerate() {
                let l = layout(size, if k % 5 == 0 { 16 } else { 8 });
                // SAFETY: a non-zero size.
                let b = unsafe { a.alloc(l) };
                assert!(!b.is_null());
                assert_eq!(b as usize % l.align(), 0, "{size} bytes aligned to {}", l.align());
                let seed = (k as u8).wrapping_mul(7).wrapping_add(round);
                fill(b, size, seed);
                live.push((b, l, seed));
                if k % 3 == 2 {
                    let (old, ol, os) = live.remove(k % live.len());
                    assert!(holds(old, ol.size(), os));
                    // SAFETY: freed once, with its layout.
                    unsafe { a.dealloc(old, ol) };
                }
            }
            for &(b, l, seed) in &live {
                assert!(holds(b, l.size(), seed), "{} bytes at round {round}", l.size());
            }
        }
        for (b, l, _) in live {
            // SAFETY: freed once, with its layout.
            unsafe { a.dealloc(b, l) };
        }
    }

    #[test]
    fn realloc_keeps_the_bytes_within_a_class_across_classes_and_to_large_blocks() {
        let a = SmallBlocks::new(Recording::default());
        // SAFETY: each block is reallocated or freed with the layout it has at that moment.
        unsafe {
            let mut size = 3;
            let mut b = a.alloc(layout(size, 1));
            fill(b, size, 9);
            for next in [10, 16, 17, 300, 512, 600, 5000, 40, 2] {
                let same_class = class(size, 1).map(|c| c.0) == class(next, 1).map(|c| c.0) && class(next, 1).is_some();
                let moved = a.realloc(b, layout(size, 1), next);
                assert!(!moved.is_null());
                if same_class {
                    assert_eq!(moved, b, "{size} -> {next} stays in place");
                }
                assert!(holds(moved, size.min(next), 9), "{size} -> {next}");
                assert!(
                    a.inner.room(moved) >= next,
                    "{size} -> {next}: a block with room for it"
                );
                fill(moved, next, 9);
                b = moved;
                size = next;
            }
            a.dealloc(b, layout(size, 1));
        }
    }
}
