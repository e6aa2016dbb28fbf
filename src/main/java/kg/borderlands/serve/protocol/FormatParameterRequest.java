package kg.borderlands.serve.protocol;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose {@code format}/{@code output}/{@code results} parameters have been turned into its
 * {@code Accept} header ({@link ResultFormats}): the parameters are hidden, so Fuseki negotiates on the header.
 */
final class FormatParameterRequest extends HttpServletRequestWrapper {
    private final String accept;

    /** @param accept the Accept header to present; null for none */
    FormatParameterRequest(HttpServletRequest request, String accept) {
        super(request);
        this.accept = accept;
    }

    private static boolean hidden(String name) {
        return ResultFormats.PARAMETERS.contains(name);
    }

    @Override
    public String getHeader(String name) {
        return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!"Accept".equalsIgnoreCase(name)) return super.getHeaders(name);
        return Collections.enumeration(accept == null ? List.of() : List.of(accept));
    }

    @Override
    public String getParameter(String name) {
        return hidden(name) ? null : super.getParameter(name);
    }

    @Override
    public String[] getParameterValues(String name) {
        return hidden(name) ? null : super.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> out = new LinkedHashMap<>(super.getParameterMap());
        ResultFormats.PARAMETERS.forEach(out::remove);
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }
}
