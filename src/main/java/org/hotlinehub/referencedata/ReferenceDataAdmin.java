package org.hotlinehub.referencedata;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.dispatch.PartnerWorkService;
import org.hotlinehub.model.ImportReport;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.port.ReferenceAdmin;
import org.hotlinehub.store.PartnerRepository;

/** Reference-data administration behind the REST API: whole-document imports and retirement of entries. */
@ApplicationScoped
public class ReferenceDataAdmin implements ReferenceAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ReferenceDataLoader loader;
    @Inject
    ReferenceDataWriter writer;
    @Inject
    PartnerRepository partners;
    @Inject
    Clock clock;

    @Override
    public ImportReport importYaml(String source, String yaml) {
        try {
            return applied(source, loader.load(source, yaml));
        } catch (ReferenceDataException e) {
            return new ImportReport(source, false, Map.of(), e.problems());
        }
    }

    @Override
    public ImportReport importCsv(String source, Kind kind, String csv) {
        try {
            return applied(source, loader.apply(source, CsvReferenceData.parse(source, kind, csv)));
        } catch (ReferenceDataException e) {
            return new ImportReport(source, false, Map.of(), CsvReferenceData.asRows(kind, e.problems()));
        }
    }

    @Override
    @Transactional
    public void deactivate(Kind kind, String code) {
        if (!writer.deactivate(kind, code)) {
            throw new NotFoundException("no " + kind.name().toLowerCase() + " entry " + code);
        }
    }

    @Override
    @Transactional
    public String rotatePartnerKey(String partnerCode) {
        var partner = partners.findByCode(partnerCode)
                .orElseThrow(() -> new NotFoundException("no partner " + partnerCode));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "hk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        partner.apiKeyHash = PartnerWorkService.hashApiKey(key);
        partner.updatedAt = clock.instant();
        return key;
    }

    private static ImportReport applied(String source, ReferenceDataWriter.Counts counts) {
        return new ImportReport(source, true, counts.byKind(), List.of());
    }
}
