package org.imrflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the path infers from bpmn/imr-case.bpmn between the steps a case was recorded at. */
class ProcessModelsTest {

    private final ProcessModels.Model model = new ProcessModels().model("imr-case").orElseThrow();

    @Test
    void aReturnByTheMedicalDirectorPassesTheGatewayAndTakesTheReturnFlow() {
        ProcessModels.Way way = model.between("Task_QualityReview", "Task_ReviewCase").orElseThrow();
        assertThat(way.passed()).containsExactly("Gateway_Approved");
        assertThat(way.flows()).containsExactly("Flow_QualityReviewed", "Flow_ReturnedByQa");
    }

    @Test
    void anAcceptedAssignmentEntersTheExpertReviewAtItsStartEvent() {
        ProcessModels.Way way = model.between("Task_AcceptAssignment", "Task_ReviewCase").orElseThrow();
        assertThat(way.passed()).containsExactly("Gateway_Accepted", "SubProcess_ExpertReview", "StartEvent_ExpertReview");
        assertThat(way.flows()).containsExactly("Flow_Responded", "Flow_Accepted", "Flow_ReviewStarted");
    }

    @Test
    void anApprovedReviewLeavesTheSubProcessThroughItsEndEvent() {
        ProcessModels.Way way = model.between("Task_QualityReview", "Task_IssueDetermination").orElseThrow();
        assertThat(way.passed()).containsExactly("Gateway_Approved", "EndEvent_DecisionApproved");
        assertThat(way.flows()).containsExactly("Flow_QualityReviewed", "Flow_Approved", "Flow_DecisionApproved");
    }

    @Test
    void aWithdrawnReviewerLeavesTheReviewByTheBoundaryEventOfTheSubProcess() {
        ProcessModels.Way way = model.between("Task_ReviewCase", "Task_RankReviewers").orElseThrow();
        assertThat(way.passed()).containsExactly("Boundary_ReviewerWithdrawn");
        assertThat(way.flows()).containsExactly("Flow_ReviewerWithdrawn");
    }

    @Test
    void missedRecordsLeaveTheWaitByItsTimer() {
        ProcessModels.Way way = model.between("Task_AwaitRecords", "Task_CheckRecordSet").orElseThrow();
        assertThat(way.passed()).containsExactly("Boundary_RecordsDue");
        assertThat(way.flows()).containsExactly("Flow_RecordsDue");
    }

    @Test
    void theWaitsThatFollowAStepAtOnceAreKnown() {
        assertThat(model.waitAfter("Task_SendNoticeOfAssignment")).contains("Task_AwaitRecords");
        assertThat(model.waitAfter("Task_AssignPanel")).contains("Task_AwaitPanel");
        assertThat(model.waitAfter("Task_QualityReview")).isEmpty();
        assertThat(model.waitAfter("Task_ScreenEligibility")).isEmpty();
    }

    @Test
    void aDecidedCaseEndsAtTheDeterminationIssued() {
        ProcessModels.Way way = model.toEnd("Task_IssueDetermination").orElseThrow();
        assertThat(way.target()).isEqualTo("EndEvent_DeterminationIssued");
        assertThat(way.flows()).containsExactly("Flow_LetterIssued");
        assertThat(model.startEvent()).contains("StartEvent_ApplicationReceived");
        assertThat(model.nameOf("Task_AwaitRecords")).isEqualTo("Await medical records");
    }
}
