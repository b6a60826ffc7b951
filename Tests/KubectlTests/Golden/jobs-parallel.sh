cat > par.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: par
spec:
  completions: 6
  parallelism: 2
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.28
        command: ["sh", "-c", "echo processing one item; sleep 10"]
      restartPolicy: Never
YAML
kubectl apply -f par.yaml
kubectl get job par
kubectl get pods -l job-name=par
sleep 12
kubectl get job par
kubectl get pods -l job-name=par
sleep 30
kubectl get job par
kubectl get pods -l job-name=par
kubectl describe job par | head -16
cat > indexed.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: indexed
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.28
        command: ["sh", "-c", "sleep 5"]
      restartPolicy: Never
YAML
kubectl apply -f indexed.yaml
sleep 15
kubectl get pods -l job-name=indexed
kubectl get job indexed -o jsonpath='{.status.completedIndexes}{"\n"}'
kubectl get pods -l job-name=indexed -o jsonpath='{range .items[*]}{.metadata.annotations.batch\.kubernetes\.io/job-completion-index}{" "}{end}{"\n"}'
cat > ttl.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: short-lived
spec:
  ttlSecondsAfterFinished: 30
  activeDeadlineSeconds: 100
  template:
    spec:
      containers:
      - name: worker
        image: busybox:1.28
        command: ["sh", "-c", "echo done"]
      restartPolicy: Never
YAML
kubectl apply -f ttl.yaml
sleep 5
kubectl get job short-lived
sleep 40
kubectl get job short-lived
kubectl get pods -l job-name=short-lived
kubectl create job slow --image=busybox:1.28 -- sleep 600
kubectl patch job slow -p '{"spec":{"activeDeadlineSeconds":20}}'
sleep 30
kubectl get job slow
kubectl get job slow -o jsonpath='{.status.conditions[-1:].reason}{"\n"}'
