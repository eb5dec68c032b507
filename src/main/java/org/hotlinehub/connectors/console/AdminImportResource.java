package org.hotlinehub.connectors.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.ImportJob;
import org.hotlinehub.model.ImportProblem;
import org.hotlinehub.model.port.ImportJobs;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Uploads of reference data: the file is checked whole and applied or not at all by a background job; the job's page
 * polls its progress (htmx) and ends with the counts, or with every problem by row, field and problem.
 */
@Path("/console/admin/import")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminImportResource {

    @Inject
    StaffRequest staff;
    @Inject
    ImportJobs jobs;

    /** The job as its page shows it. */
    public record JobView(ImportJob job, String counts, List<ImportProblem> problems) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance upload(ConsolePage page, List<String> kinds, String problem);

        static native TemplateInstance job(ConsolePage page, JobView view);

        static native TemplateInstance job$status(ConsolePage page, JobView view);
    }

    @GET
    @Operation(summary = "Upload form for reference data (console page)")
    public Response form() {
        ConsolePage page = staff.page("/console/admin/import");
        return staff.html(page, Templates.upload(page, kinds(), null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Start an import of a YAML or CSV file (recorded in the audit log)")
    public Response start(@RestForm("file") FileUpload file, @RestForm("format") String format) throws IOException {
        Kind kind = format == null || format.isBlank() || format.equals("yaml")
                ? null
                : kinds().contains(format) ? Kind.valueOf(format.toUpperCase()) : null;
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            ConsolePage page = staff.page("/console/admin/import");
            return staff.html(page, Templates.upload(page, kinds(), "noFile"), 422);
        }
        String content = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
        String id = jobs.start(name, kind, content, staff.actor(), staff.client());
        return StaffRequest.seeOther("/console/admin/import/" + id);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An import's progress and outcome (console page)")
    public Response job(@PathParam("id") String id) {
        ConsolePage page = staff.page("/console/admin/import");
        return staff.html(page, Templates.job(page, view(id)));
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "An import's progress as a page fragment, polled by the job's page")
    public Response status(@PathParam("id") String id) {
        ConsolePage page = staff.page("/console/admin/import");
        return staff.html(page, Templates.job$status(page, view(id)));
    }

    private JobView view(String id) {
        ImportJob job = jobs.status(id).orElseThrow(NotFoundException::new);
        String counts = job.report() == null
                ? ""
                : job.report().counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        return new JobView(job, counts,
                job.report() == null ? List.of() : ImportProblem.parse(job.report().problems()));
    }

    private static List<String> kinds() {
        return java.util.Arrays.stream(Kind.values()).map(k -> k.name().toLowerCase()).toList();
    }
}
