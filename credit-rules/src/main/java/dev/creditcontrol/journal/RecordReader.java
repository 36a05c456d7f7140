package dev.creditcontrol.journal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one of the model's records through its canonical constructor, with the readers of its
 * components looked up once and the constructor's spreading handle made once: Jackson's general
 * record path rebuilds a spreader on every call. Strict like the rest of the form: an unknown
 * property is an error, a missing one is absent (the constructor then names it), a null where a
 * primitive is expected is an error. The model's checks run in the constructor.
 */
final class RecordReader<T extends Record> extends StdDeserializer<T> {
    private final RecordComponent[] components;
    private final Map<String, Integer> index = new HashMap<>();
    private final MethodHandle constructor;
    private ValueDeserializer<Object>[] readers;

    RecordReader(Class<T> type) {
        super(type);
        this.components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) index.put(components[i].getName(), i);
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            this.constructor = MethodHandles.publicLookup().unreflectConstructor(canonical).asSpreader(Object[].class, types.length);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("no public canonical constructor on " + type.getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void resolve(DeserializationContext ctxt) {
        ValueDeserializer<Object>[] r = new ValueDeserializer[components.length];
        for (int i = 0; i < components.length; i++) {
            r[i] = ctxt.findContextualValueDeserializer(ctxt.getTypeFactory().constructType(components[i].getGenericType()), null);
        }
        readers = r;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.START_OBJECT) return (T) ctxt.handleUnexpectedToken(handledType(), p);
        Object[] args = new Object[components.length];
        boolean[] seen = new boolean[components.length];
        for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Integer i = index.get(name);
            if (i == null) {
                ctxt.reportInputMismatch(this, "unknown property '%s' of %s", name, handledType().getSimpleName());
                continue;
            }
            seen[i] = true;
            args[i] = value == JsonToken.VALUE_NULL ? readers[i].getNullValue(ctxt) : readers[i].deserialize(p, ctxt);
        }
        for (int i = 0; i < components.length; i++) {
            if (!seen[i]) args[i] = readers[i].getAbsentValue(ctxt);
            if (args[i] == null && components[i].getType().isPrimitive()) {
                if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)) {
                    ctxt.reportInputMismatch(this, "%s.%s needs a value", handledType().getSimpleName(), components[i].getName());
                }
            }
        }
        try {
            return (T) constructor.invoke(args);
        } catch (IllegalArgumentException e) {
            throw e; // the model's own check, naming the field
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot construct " + handledType().getName(), e instanceof InvocationTargetException i ? i.getCause() : e);
        }
    }
}
