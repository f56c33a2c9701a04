package org.imrflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.imrflow.InputPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The JSON that requests bring, read strictly: a string must be a JSON string that keeps the input policy
 * ({@link InputPolicy}; line breaks allowed, since a JSON field does not say whether it is one line), a number a
 * JSON number, a date a plausible one ({@link InputPolicy#dateProblem}) as yyyy-mm-dd, a boolean a JSON boolean and an enum its name: nothing is coerced ({@code 0} is not
 * {@code STANDARD}, {@code "1"} not 1, {@code 1.5} not 1, {@code true} not {@code "true"}). Only the HTTP
 * converter is strict: the application's own {@link ObjectMapper} also reads stored facts, engine variables and
 * decision tables' output, which stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper applicationMapper) {
        return new MappingJackson2HttpMessageConverter(strict(applicationMapper));
    }

    static ObjectMapper strict(ObjectMapper applicationMapper) {
        ObjectMapper mapper = applicationMapper.copy();
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.setDefaultLeniency(false);
        mapper.registerModule(new SimpleModule("input-policy").addDeserializer(String.class, new PolicyString())
                .addDeserializer(LocalDate.class, new PlausibleDate()));
        return mapper;
    }

    private static void reject(JsonParser parser, String problem) throws RejectedText {
        if (problem != null) {
            throw new RejectedText(parser, problem);
        }
    }

    /** Text that breaks the input policy; {@link ApiErrors} answers its message on the field's path. */
    static final class RejectedText extends JsonMappingException {
        RejectedText(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /**
     * A value that a JSON string and nothing else may give, read from it by {@link #read}, which returns the value
     * or throws {@link RejectedText}.
     */
    private abstract static class FromString<T> extends StdScalarDeserializer<T> {

        FromString(Class<T> type) {
            super(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return read(parser.getText(), parser, context);
        }

        abstract T read(String text, JsonParser parser, DeserializationContext context) throws IOException;
    }

    /** A date as yyyy-mm-dd, and a plausible one. */
    private static final class PlausibleDate extends FromString<LocalDate> {

        PlausibleDate() {
            super(LocalDate.class);
        }

        @Override
        LocalDate read(String text, JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date");
            }
            reject(parser, InputPolicy.dateProblem(date));
            return date;
        }
    }

    /** Text kept to the input policy. */
    private static final class PolicyString extends FromString<String> {

        PolicyString() {
            super(String.class);
        }

        @Override
        String read(String text, JsonParser parser, DeserializationContext context) throws IOException {
            reject(parser, InputPolicy.problem(text, true));
            return text;
        }
    }
}
