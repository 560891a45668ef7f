package org.bulwark.windows.regf.internal;

/**
 * Which cell each value cell and data cell read so far belongs to. In a hive Windows wrote, a value cell belongs to
 * one key and a data cell (or big data list or segment) to one value; a crafted hive could share one large data
 * cell among thousands of values, or one value list among thousands of keys, so that reading every key costs far
 * more than the file's size. The first reader of a cell claims it for its owner; another owner is refused. An
 * open-addressing table of cell offsets (never 0: a cell at offset 0 would be the hive bin header), so it costs
 * 8 bytes per cell read, never more than the file has cells. Thread-safe.
 */
final class Claims {
    private int[] cells = new int[1024];
    private int[] owners = new int[1024];
    private int size;

    /** Claims {@code cell} for {@code owner}: the owner it now has (the earlier one, when another claimed it). */
    synchronized int claim(int cell, int owner) {
        int mask = cells.length - 1;
        for (int i = mix(cell) & mask;; i = (i + 1) & mask) {
            if (cells[i] == cell) {
                return owners[i];
            }
            if (cells[i] == 0) {
                cells[i] = cell;
                owners[i] = owner;
                if (++size * 2 > cells.length) {
                    grow();
                }
                return owner;
            }
        }
    }

    private void grow() {
        int[] oldCells = cells;
        int[] oldOwners = owners;
        cells = new int[oldCells.length * 2];
        owners = new int[oldCells.length * 2];
        int mask = cells.length - 1;
        for (int j = 0; j < oldCells.length; j++) {
            if (oldCells[j] != 0) {
                int i = mix(oldCells[j]) & mask;
                while (cells[i] != 0) {
                    i = (i + 1) & mask;
                }
                cells[i] = oldCells[j];
                owners[i] = oldOwners[j];
            }
        }
    }

    private static int mix(int cell) {
        int h = cell * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
