// LabKit: the lab engine (issue 3). Pure: no terminal, no files, no clock.
//
//   Lab, Step, Check         what a lab file says (Lab.swift), read by LabParser/LabLoader
//   CheckEvaluation          one mechanism judging every check kind against the cluster
//   LabSession               a learner in a lab: shell + controls + step progression
//   ClusterGuard             limits that keep any script from hanging or exhausting memory
//   LabReport / LabCheck     grading and its text, JSON and JUnit forms
//   LabLint                  everything wrong with a lab, as file:line messages
