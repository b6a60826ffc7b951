import Testing
import Foundation
@testable import LabKit
import ClusterSim
import KubeAPI

/// The lab controls (`lab …` / `:…`) beside shell commands, as a learner uses them.
@Suite struct SessionTests {
    func session() -> LabSession { LabSession(lab: Repo.deployment) }
    let prompt = "[root@master01 controller]# "

    @Test func hintsAreRevealedOneAtATime() {
        let s = session()
        #expect(s.type("lab hint") == prompt + "lab hint\nHint 1/2: kubectl apply -f FILE sends the objects described in FILE to the cluster.\n")
        #expect(s.type(":hint").hasSuffix("Hint 2/2: Type kubectl apply -f nginx-deployment.yaml, then kubectl get pods until all three pods are Running.\n"))
        #expect(s.type("lab hint") == prompt + "lab hint\nNo more hints for this step.\n")
    }

    @Test func controlsDoNotShadowShellCommands() {
        let s = session()
        // `: words` is bash's null command; `:word` is a lab control.
        #expect(s.type(": lab hint") == prompt + ": lab hint\n")
        #expect(s.commands.map(\.command) == [": lab hint"])
        // Inside a here-document, `lab hint` is text for the file.
        _ = s.type("cat <<EOF > notes.txt", "lab hint", "EOF")
        #expect(s.type("cat notes.txt").hasSuffix("lab hint\n"))
        #expect(s.type("lab frobnicate") == prompt + "lab frobnicate\nlab: unknown command 'frobnicate'; type 'lab help'\n")
    }

    @Test func checkExplainsWhatIsMissingAndWaitsForPodsBeforeFailing() {
        let s = session()
        #expect(s.type("lab check") == prompt + "lab check\nNot yet. Still missing:\n"
                + "  - There is no Deployment named nginx-deployment yet. Create it from the file: kubectl apply -f nginx-deployment.yaml\n")
        // Right after apply the pods are not ready; the quiet check does not pass yet…
        #expect(s.type("kubectl apply -f nginx-deployment.yaml") == prompt + "kubectl apply -f nginx-deployment.yaml\ndeployment.apps/nginx-deployment created\n")
        // …and an explicit check lets them start before judging.
        #expect(s.type(":check") == prompt + ":check\n✔ Step 1/7 passed: Create the Deployment (+10)\n")
        #expect(s.active == 1)
    }

    @Test func quizAnswersByChoiceNumberLetterOrText() {
        for answer in ["UP-TO-DATE", "up-to-date", "2", "b", "  Up-To-Date "] {
            let s = session()
            _ = s.type("kubectl apply -f nginx-deployment.yaml", "kubectl get pod,deploy,rs")
            let text = s.type("lab answer inspect \"\(answer)\"")
            #expect(text.hasSuffix("✔ Step 2/7 passed: Read pods, Deployments and ReplicaSets (+10)\n"), "\(answer)")
        }
        let s = session()
        _ = s.type("kubectl apply -f nginx-deployment.yaml", "kubectl get pod,deploy,rs")
        #expect(s.type("lab answer inspect AVAILABLE") == prompt + "lab answer inspect AVAILABLE\nAnswer recorded for step inspect.\n"
                + "The question is still open (your answer: AVAILABLE). One column counts the pods updated to the newest template.\n")
        #expect(s.active == 1)
        // Without a step id the answer goes to the step in view.
        #expect(s.type(":answer UP-TO-DATE").hasSuffix("✔ Step 2/7 passed: Read pods, Deployments and ReplicaSets (+10)\n"))
        #expect(s.type("lab answer") == prompt + "lab answer\nlab: usage: lab answer [STEP] ANSWER\n")
    }

    @Test func anAnswerGivenEarlyCountsWhenItsStepComes() {
        let s = session()
        _ = s.type("lab answer inspect UP-TO-DATE", "kubectl apply -f nginx-deployment.yaml")
        #expect(s.type("kubectl get pod,deploy,rs").hasSuffix("✔ Step 1/7 passed: Create the Deployment (+10)\n✔ Step 2/7 passed: Read pods, Deployments and ReplicaSets (+10)\n"))
    }

    @Test func backNextStepProgressSkip() {
        let s = session()
        _ = s.type("kubectl apply -f nginx-deployment.yaml", "kubectl get pods")
        #expect(s.viewing == 1)
        #expect(s.type("lab back").hasPrefix(prompt + "lab back\nStep 1/7: Create the Deployment\n\n"))
        #expect(s.type("lab back") == prompt + "lab back\nThis is the first step.\n")
        #expect(s.type("lab next").hasPrefix(prompt + "lab next\nStep 2/7: Read pods, Deployments and ReplicaSets\n"))
        #expect(s.type("lab step 6").hasPrefix(prompt + "lab step 6\nStep 6/7: Roll back\n"))
        #expect(s.type("lab step nope") == prompt + "lab step nope\nlab: there is no step 'nope' in this lab\n")
        #expect(s.type("lab skip").hasPrefix(prompt + "lab skip\nSkipped step 2: Read pods, Deployments and ReplicaSets.\n\nStep 3/7: Ask for 5 replicas\n"))
        #expect(s.type("lab progress") == prompt + "lab progress\n" + """
            ✔ 1. Create the Deployment (10)
            – 2. Read pods, Deployments and ReplicaSets (10)
            ▸ 3. Ask for 5 replicas (10)
              4. Roll out nginx:1.18.0 and watch it (10)
              5. Read the rollout history (10)
              6. Roll back (10)
              7. Delete a pod and watch it come back (10)
            Score: 10/70

            """)
        let report = s.report()
        #expect(report.steps[1].messages == ["skipped"])
        #expect(!report.steps[1].passed)
    }

    @Test func stepShowsTheQuestionAndHowToAnswer() {
        let s = session()
        #expect(s.render(step: 1).hasSuffix("""
            Then answer the question below.

            Question: In kubectl get deploy, which column counts the pods that already run the Deployment's current pod template?
              1) READY
              2) UP-TO-DATE
              3) AVAILABLE
              4) AGE
            Answer with: lab answer inspect <answer>

            """))
        #expect(s.introduction().hasPrefix("Deployments: replicas, rolling updates and rollbacks\n\nA Deployment keeps a number of identical, stateless pods running"))
    }

    @Test func resetStartsAFreshClusterAndWorkspace() {
        let s = session()
        _ = s.type("sed -i 's/replicas: 3/replicas: 5/' nginx-deployment.yaml", "kubectl apply -f nginx-deployment.yaml", "kubectl get pods")
        #expect(s.score == 10)
        #expect(s.type("lab reset").hasPrefix(prompt + "lab reset\nThe lab starts again: a fresh cluster and fresh files.\n\nStep 1/7: Create the Deployment\n"))
        #expect(s.score == 0)
        #expect(s.commands.isEmpty)
        #expect(s.type("kubectl get deploy nginx-deployment").hasSuffix("Error from server (NotFound): deployments.apps \"nginx-deployment\" not found\n"))
        #expect(s.type("grep replicas nginx-deployment.yaml").hasSuffix("  replicas: 3\n"))
    }

    @Test func quitAndExitEndTheSession() {
        let s = session()
        #expect(s.type("lab quit") == prompt + "lab quit\nLeaving the lab.\n")
        #expect(s.isOver)
        let t = session()
        _ = t.type("exit")
        #expect(t.isOver)
    }

    @Test func orderChecksReadTheStepsOwnWindow() {
        // A pod deleted before the self-healing step became active does not count for it.
        let s = session()
        var script = Repo.solution.components(separatedBy: "\n# 7.")[0]
        script = "kubectl apply -f nginx-deployment.yaml\nkubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')\n" + script
        for line in script.split(separator: "\n") { _ = s.feed(String(line)) }
        #expect(s.active == 6)
        _ = s.feed("kubectl get pods")
        #expect(s.active == 6)
        _ = s.feed("kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[2].metadata.name}') --wait=false")
        _ = s.finish()
        #expect(s.active == nil)
    }

    @Test func aFixturePreparesTheClusterAndALabMayRewordTheEngine() {
        let lab = Repo.load(Repo.fixture("fixture-objects"))
        let s = LabSession(lab: lab)
        #expect(s.setupErrors.isEmpty)
        // The Deployment is there and settled before the learner types anything.
        #expect(s.type("kubectl get deploy nginx-deployment").hasSuffix("nginx-deployment   3/3     3            3           4s\nBIEN: Look at the Deployment that is already there\n"))
        // The lab's extra image pulls like nginx:1.18.0.
        let result = LabCheck.run(lab, script: Repo.text(Repo.fixtures.appendingPathComponent("fixture-objects/solution.sh"))!)
        #expect(result.report.passed)
        #expect(result.transcript.contains("deployment \"nginx-deployment\" successfully rolled out"))
    }
}
