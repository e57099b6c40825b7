package org.touyan.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for the core application, always UTF-8. Parsing is strict and the same everywhere: unknown
 * fields, wrong types, fractions for whole numbers and trailing content are refused with a 400
 * problem that names the field, in words a user can act on (never Jackson's own message, which
 * names Java classes). Nesting and string sizes are bounded so a hostile body cannot exhaust the
 * server.
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@JaxrsExtension
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Produces({ MediaType.APPLICATION_JSON, RestConstants.PROBLEM_JSON })
@Consumes(MediaType.APPLICATION_JSON)
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

	/** Shared with the OpenAPI resource so documented names match the wire. */
	static final ObjectMapper MAPPER = JsonMapper.builder()
			.addModule(new JavaTimeModule())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();

	static {
		// a number or boolean where text is expected is a wrong type, not something to convert
		for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
				CoercionInputShape.Float, CoercionInputShape.Boolean }) {
			MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
		}
		MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(32).maxStringLength(1 << 20).maxNumberLength(64).build());
	}

	@Override
	public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
		return isJson(mediaType);
	}

	@Override
	public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
			MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
		try {
			return MAPPER.readerFor(MAPPER.constructType(genericType)).readValue(entityStream);
		} catch (JsonProcessingException e) {
			throw badBody(e);
		}
	}

	@Override
	public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
		// bytes or a stream a resource wrote itself are JSON already: they go out as they are
		return isJson(mediaType) && type != byte[].class && !StreamingOutput.class.isAssignableFrom(type);
	}

	@Override
	public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
			MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
		try (JsonGenerator out = new Masking(MAPPER.getFactory().createGenerator(entityStream))) {
			MAPPER.writerFor(MAPPER.constructType(genericType)).writeValue(out, value);
		}
	}

	/**
	 * Masks the personal numbers of every answer by field name ({@link org.touyan.api.security.Masking}),
	 * whichever record, map or archive snapshot they are in: resources cannot forget it. The one
	 * way to read a number whole is the audited reveal, which answers it under another name.
	 */
	static final class Masking extends JsonGeneratorDelegate {

		Masking(JsonGenerator delegate) {
			super(delegate, false);
		}

		@Override
		public void writeString(String text) throws IOException {
			JsonStreamContext context = getOutputContext();
			// an array of numbers under a masked field is masked element by element
			String field = context.inArray() && context.getParent() != null ? context.getParent().getCurrentName()
					: context.getCurrentName();
			super.writeString(field == null ? text : org.touyan.api.security.Masking.mask(field, text));
		}
	}

	private static boolean isJson(MediaType mediaType) {
		return mediaType != null
				&& (mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json"));
	}

	/** The 400 problem for a body that is not the JSON the resource expects. */
	static RuntimeException badBody(JsonProcessingException e) {
		// a problem raised while the body was read (too large, a record's own validation) wins
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof ProblemException p) {
				return p;
			}
		}
		if (e instanceof StreamConstraintsException) {
			return ProblemException.invalid(null, "JSON 正文嵌套层级过深或某个值过长",
					"The JSON body is nested too deeply or has a value that is too long");
		}
		if (e instanceof JsonParseException) {
			return ProblemException.invalid(null, "JSON 格式有误：第 " + e.getLocation().getLineNr() + " 行第 "
					+ e.getLocation().getColumnNr() + " 列", "Malformed JSON at line " + e.getLocation().getLineNr()
					+ ", column " + e.getLocation().getColumnNr());
		}
		if (e instanceof JsonMappingException m) {
			String field = path(m);
			if (e instanceof UnrecognizedPropertyException) {
				return ProblemException.invalid(field, "未知字段 " + field, "Unknown field '" + field + "'");
			}
			if (field.isEmpty()) {
				boolean none = e.getOriginalMessage().startsWith("No content");
				return ProblemException.invalid(null, none ? "请求须带 JSON 正文" : "JSON 正文的结构不符合要求",
						none ? "A JSON body is required" : "The JSON body does not have the expected shape");
			}
			if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException i) {
				return ProblemException.invalid(field, i.getMessage());
			}
			return ProblemException.invalid(field, "字段 " + field + " 缺失或类型不对",
					"Field '" + field + "' is missing or has the wrong type");
		}
		return ProblemException.invalid(null, "无法读取 JSON 正文", "The JSON body could not be read");
	}

	private static String path(JsonMappingException e) {
		return e.getPath().stream()
				.map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
	}
}
