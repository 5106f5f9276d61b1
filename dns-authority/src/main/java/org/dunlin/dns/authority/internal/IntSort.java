package org.dunlin.dns.authority.internal;

/**
 * A stable merge sort of {@code int} handles with a caller-supplied comparison, so that a million
 * records kept in a byte arena can be ordered without boxing each one. Bottom-up: runs of 32 by
 * insertion sort, then merges between the array and one scratch array of the same length.
 */
final class IntSort {
    /** Compares the items two handles stand for. */
    interface Comparator {
        int compare(int a, int b);
    }

    private static final int RUN = 32;

    private IntSort() {
    }

    /** Sorts {@code a[0, n)} stably by {@code c}. */
    static void sort(int[] a, int n, Comparator c) {
        for (int lo = 0; lo < n; lo += RUN) {
            int hi = Math.min(lo + RUN, n);
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
        }
        if (n <= RUN) {
            return;
        }
        int[] src = a;
        int[] dst = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                merge(src, dst, lo, mid, hi, c);
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    private static void merge(int[] src, int[] dst, int lo, int mid, int hi, Comparator c) {
        if (mid >= hi || c.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, lo, dst, lo, hi - lo);
            return;
        }
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || c.compare(src[i], src[j]) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }
}
