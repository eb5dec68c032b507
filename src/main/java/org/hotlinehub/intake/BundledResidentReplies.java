package org.hotlinehub.intake;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ResidentReplies;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The texts to residents from {@link ResidentMessages}, in the resident's language. */
@ApplicationScoped
public class BundledResidentReplies implements ResidentReplies {

    private static ResidentMessages in(boolean english) {
        return MessageBundles.get(ResidentMessages.class, Localized.Literal.of(ResidentTexts.language(english)));
    }

    @Override
    public String received(String reference, boolean english) {
        return in(english).received(reference);
    }

    @Override
    public String followUp(String reference, String mergedInto, boolean english) {
        return mergedInto == null
                ? in(english).followUp(reference)
                : in(english).followUpMerged(reference, mergedInto);
    }

    @Override
    public String status(String reference, TicketStatus status, String categoryZh, String categoryEn,
            boolean english) {
        String category = english && categoryEn != null ? categoryEn : categoryZh;
        String state = statusWord(status, english);
        return category == null
                ? in(english).status(reference, state)
                : in(english).statusIn(reference, category, state);
    }

    @Override
    public String notFound(String reference, boolean english) {
        return in(english).notFound(reference);
    }

    @Override
    public String statusUsage(boolean english) {
        return in(english).statusUsage();
    }

    @Override
    public String emptyMessage(boolean english) {
        return in(english).emptyMessage();
    }

    @Override
    public String surveyQuestion(String reference, String resolution, boolean english) {
        return resolution == null || resolution.isBlank()
                ? in(english).surveyQuestion(reference)
                : in(english).resolvedSurveyQuestion(reference, resolution.strip().replaceAll("[。.!！]+$", ""));
    }

    @Override
    public String surveyThanks(String reference, SurveyResult result, boolean english) {
        if (result == SurveyResult.NOT_SOLVED) {
            return in(english).surveyReopened(reference);
        }
        return in(english).surveyThanks(reference, english ? result.labelEn() : result.labelZh());
    }

    @Override
    public String askPlace(String reference, boolean english) {
        return in(english).askPlace(reference);
    }

    @Override
    public String askCategory(String reference, boolean english) {
        return in(english).askCategory(reference);
    }

    @Override
    public String optedOut(boolean english) {
        return in(english).optedOut();
    }

    @Override
    public String optedIn(boolean english) {
        return in(english).optedIn();
    }

    @Override
    public String statusWord(TicketStatus status, boolean english) {
        return in(english).statusWord(status);
    }

    @Override
    public String incidentStatus(String reference, String status, boolean english) {
        return in(english).incidentStatus(reference, status);
    }

    @Override
    public String incidentUpdate(String reference, TicketStatus status, String note, boolean english) {
        String state = statusWord(status, english);
        return note == null || note.isBlank()
                ? in(english).incidentUpdate(reference, state)
                : in(english).incidentUpdateNote(reference, state, note.strip());
    }
}
