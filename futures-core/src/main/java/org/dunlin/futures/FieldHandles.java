package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Finds the {@link VarHandle}s of this package's classes for their own fields, in static initializers. */
final class FieldHandles {
    private FieldHandles() {
    }

    /**
     * The handle of field {@code name} (of {@code type}) in {@code owner}, found through {@code lookup},
     * which must be the owner's own ({@code MethodHandles.lookup()} called there) to reach a private field.
     *
     * @throws ExceptionInInitializerError if there is no such field: a bug, found when the class loads
     */
    static VarHandle of(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
