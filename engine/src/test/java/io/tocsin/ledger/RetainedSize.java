package io.tocsin.ledger;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks the object graph reachable from a root through instance fields and estimates its bytes (64-bit JVM with
 * compressed oops: 12-byte headers, 4-byte references, 8-byte alignment). Objects of packages this test may not
 * open (java.time, java.util.concurrent) are measured shallowly, and maps/collections among them are walked
 * through their public API. Enum constants, classes and whatever {@code stop} matches are not counted. Tests only.
 */
final class RetainedSize {
    private final Predicate<Object> stop;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Object> todo = new ArrayDeque<>();
    long bytes;
    long objects;
    /** Objects counted whose class is in this package prefix (e.g. to prove no CAP model is retained). */
    final Map<String, Integer> byPackage = new java.util.TreeMap<>();
    /** Bytes by class name (for finding what dominates). */
    final Map<String, Long> byClass = new java.util.HashMap<>();

    RetainedSize(Predicate<Object> stop) {
        this.stop = stop;
    }

    static RetainedSize of(Object root, Predicate<Object> stop) {
        RetainedSize s = new RetainedSize(stop);
        s.add(root);
        s.drain();
        return s;
    }

    int countIn(String packagePrefix) {
        int n = 0;
        for (Map.Entry<String, Integer> e : byPackage.entrySet()) {
            if (e.getKey().startsWith(packagePrefix)) {
                n += e.getValue();
            }
        }
        return n;
    }

    private void add(Object o) {
        if (o == null || o instanceof Class || o instanceof Enum || o instanceof ClassLoader || o instanceof Thread
                || stop.test(o) || !seen.add(o)) {
            return;
        }
        todo.add(o);
    }

    private void drain() {
        while (!todo.isEmpty()) {
            visit(todo.poll());
        }
    }

    private void visit(Object o) {
        Class<?> c = o.getClass();
        objects++;
        byPackage.merge(c.getPackageName(), 1, Integer::sum);
        if (c.isArray()) {
            int n = Array.getLength(o);
            Class<?> t = c.getComponentType();
            long a = align(16 + (long) n * width(t));
            bytes += a;
            byClass.merge(c.getName(), a, Long::sum);
            if (!t.isPrimitive()) {
                for (int i = 0; i < n; i++) {
                    add(Array.get(o, i));
                }
            }
            return;
        }
        long size = 12;
        boolean open = true;
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                size += width(f.getType());
                if (!f.getType().isPrimitive() && open) {
                    if (!f.trySetAccessible()) {
                        open = false;
                        continue;
                    }
                    try {
                        add(f.get(o));
                    } catch (IllegalAccessException e) {
                        open = false;
                    }
                }
            }
        }
        bytes += align(size);
        byClass.merge(c.getName(), align(size), Long::sum);
        if (!open) {
            if (o instanceof Map<?, ?> m) {
                bytes += 32L * m.size(); // one node per entry (ConcurrentHashMap, HashMap)
                byClass.merge(c.getName() + " nodes", 32L * m.size(), Long::sum);
                m.forEach((k, v) -> {
                    add(k);
                    add(v);
                });
            } else if (o instanceof Iterable<?> it) {
                it.forEach(this::add);
            }
        }
    }

    private static int width(Class<?> t) {
        if (t == long.class || t == double.class) {
            return 8;
        }
        if (t == int.class || t == float.class) {
            return 4;
        }
        if (t == short.class || t == char.class) {
            return 2;
        }
        if (t == byte.class || t == boolean.class) {
            return 1;
        }
        return 4;
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }
}
