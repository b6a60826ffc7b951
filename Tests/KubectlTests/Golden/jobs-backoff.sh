cat > fail.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 3
  template:
    spec:
      containers:
      - name: fail
        image: busybox:1.28
        command: ["sh", "-c", "echo working on it; sleep 2; echo giving up; exit 1"]
      restartPolicy: Never
YAML
kubectl apply -f fail.yaml
kubectl get job fail
sleep 20
kubectl get pods -l job-name=fail
sleep 60
kubectl get pods -l job-name=fail
sleep 60
kubectl get job fail
kubectl get pods -l job-name=fail
kubectl logs job/fail
kubectl describe job fail
kubectl get job fail -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}'
kubectl get job fail -o jsonpath='{.status.failed}{"\n"}'
sed -i 's/restartPolicy: Never/restartPolicy: Always/; s/name: fail$/name: always/' fail.yaml
kubectl apply -f fail.yaml
cat > crash.yaml <<'YAML'
apiVersion: batch/v1
kind: Job
metadata:
  name: crash
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: crash
        image: busybox:1.28
        command: ["sh", "-c", "echo oops; exit 3"]
      restartPolicy: OnFailure
YAML
kubectl apply -f crash.yaml
kubectl get pods -l job-name=crash
sleep 60
kubectl get job crash
kubectl get pods -l job-name=crash
kubectl describe job crash | tail -5
