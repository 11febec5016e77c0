package com.patientpayments.bff.receipt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.repo.InputStreamResource;
import net.sf.jasperreports.repo.RepositoryService;
import net.sf.jasperreports.repo.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A JasperReports repository in front of the default ones that keeps font files (the receipt-fonts TTFs) in memory.
 * The PDF exporter otherwise re-reads every font face it uses from its jar on every export, which was a large share
 * of the render time (profiled with JFR); a CJK face is 5-10 MB. Other resources fall through to the default repositories.
 */
final class FontBytesCache implements RepositoryService {

    private final Map<String, byte[]> fonts = new ConcurrentHashMap<>();

    @Override
    public @Nullable Resource getResource(@Nullable String uri) {
        return getResource(uri, InputStreamResource.class);
    }

    @Override
    public <K extends Resource> @Nullable K getResource(@Nullable String uri, Class<K> resourceType) {
        if (uri == null
                || !(uri.endsWith(".ttf") || uri.endsWith(".otf"))
                || !resourceType.isAssignableFrom(InputStreamResource.class)) {
            return null;
        }
        byte[] bytes = fonts.computeIfAbsent(uri, FontBytesCache::load);
        if (bytes.length == 0) {
            return null;
        }
        InputStreamResource resource = new InputStreamResource();
        resource.setInputStream(new ByteArrayInputStream(bytes));
        return resourceType.cast(resource);
    }

    @Override
    public void saveResource(String uri, Resource resource) {
        throw new UnsupportedOperationException("read-only");
    }

    private static byte[] load(String uri) {
        String name = uri.startsWith("/") ? uri.substring(1) : uri;
        try (InputStream in = FontBytesCache.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
