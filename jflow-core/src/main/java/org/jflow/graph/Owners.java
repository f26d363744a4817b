package org.jflow.graph;

import org.jflow.Tensor;
import org.jflow.engine.FreeList;

import java.util.IdentityHashMap;

/**
 * One {@link Executor} run's owned buffers: those its kernels got from the free list (or fresh through it) and
 * returned, each with the number of live slots sharing it. At zero the buffer goes back to the list.
 */
final class Owners {
    final FreeList list;
    private final IdentityHashMap<Object, int[]> live = new IdentityHashMap<>();

    Owners(FreeList list) { this.list = list; }

    /** An output's buffer in one more slot: counted if owned, owned if its kernel ({@code pooled}) just got it. */
    void claim(Object data, boolean pooled) {
        int[] count = live.isEmpty() ? null : live.get(data);
        if (count != null) count[0]++;
        else if (pooled && list.handedOut(data)) live.put(data, new int[] {1});
    }

    /** A slot holding {@code data} died. */
    void release(Object data) {
        if (live.isEmpty()) return;
        int[] count = live.get(data);
        if (count != null && --count[0] == 0) {
            live.remove(data);
            list.give(data);
        }
    }

    /** Something outliving the run holds {@code data}: never give it back. */
    void disown(Object data) { if (!live.isEmpty()) live.remove(data); }

    /** The buffer of a candidate input of a fused step that only slots dying at that step share, or null. */
    Object deadInput(int[] candidates, Tensor[] ins, int[] dying, Tensor[] v) {
        for (int i : candidates) {
            Object data = ins[i].storage();
            int[] count = live.isEmpty() ? null : live.get(data);
            if (count == null) continue;
            int dyingHere = 0;
            for (int slot : dying) if (v[slot] != null && v[slot].storage() == data) dyingHere++;
            if (count[0] == dyingHere) return data;
        }
        return null;
    }
}
