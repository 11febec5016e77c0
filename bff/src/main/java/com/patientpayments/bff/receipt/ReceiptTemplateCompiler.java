package com.patientpayments.bff.receipt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time step (run by {@code exec-maven-plugin} in {@code process-classes}): compiles every {@code .jrxml} of a
 * source folder into a {@code .jasper} file on the classpath, so the running service never needs a Java compiler or
 * the JRXML parser. Usage: {@code ReceiptTemplateCompiler <jrxml folder> <output folder>}.
 */
public final class ReceiptTemplateCompiler {

    private ReceiptTemplateCompiler() {}

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReceiptTemplateCompiler <jrxml folder> <output folder>");
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        List<Path> templates;
        try (Stream<Path> files = Files.list(source)) {
            templates =
                    files.filter(p -> p.toString().endsWith(".jrxml")).sorted().collect(Collectors.toList());
        }
        for (Path jrxml : templates) {
            String name = jrxml.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            Path out = target.resolve(name);
            // Skip when up to date: keeps incremental builds fast.
            if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(jrxml)) > 0) {
                continue;
            }
            JasperCompileManager.compileReportToFile(jrxml.toString(), out.toString());
            System.out.println("[receipt] compiled " + jrxml.getFileName() + " -> " + out);
        }
    }
}
