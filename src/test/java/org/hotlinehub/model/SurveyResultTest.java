package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SurveyResultTest {

    @Test
    void shouldReadDigitsAndWordsWithoutMistakingTheNegativeForms() {
        assertEquals(Optional.of(SurveyResult.SATISFIED), SurveyResult.parse(" 1 "));
        assertEquals(Optional.of(SurveyResult.SATISFIED), SurveyResult.parse("满意！"));
        assertEquals(Optional.of(SurveyResult.BASICALLY_SATISFIED), SurveyResult.parse("基本满意"));
        assertEquals(Optional.of(SurveyResult.DISSATISFIED), SurveyResult.parse("不满意，太慢了"));
        assertEquals(Optional.of(SurveyResult.DISSATISFIED), SurveyResult.parse("3"));
        assertEquals(Optional.of(SurveyResult.NOT_SOLVED), SurveyResult.parse("还是没解决"));
        assertEquals(Optional.of(SurveyResult.NOT_SOLVED), SurveyResult.parse("Not solved, still leaking"));
        assertEquals(Optional.of(SurveyResult.SATISFIED), SurveyResult.parse("Satisfied."));
        assertEquals(Optional.empty(), SurveyResult.parse("5"));
        assertEquals(Optional.empty(), SurveyResult.parse("楼下又漏水了"));
        assertEquals(Optional.empty(), SurveyResult.parse(""));
    }
}
