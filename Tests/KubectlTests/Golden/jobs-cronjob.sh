kubectl create cronjob hello --image=busybox:1.28 --schedule="*/1 * * * *" -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster'
kubectl get cronjob hello
sleep 200
kubectl get cronjob hello
kubectl get jobs
kubectl get pods -l job-name
kubectl logs job/$(kubectl get jobs -o jsonpath='{.items[-1:].metadata.name}')
sleep 120
kubectl get jobs
kubectl describe cronjob hello
kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
sleep 150
kubectl get cronjob hello
kubectl get jobs
kubectl create job hello-manual --from=cronjob/hello
kubectl get job hello-manual -o jsonpath='{.metadata.annotations}{"\n"}{.metadata.ownerReferences[0].name}{"\n"}'
kubectl get cj hello -o wide
kubectl delete cronjob hello
sleep 5
kubectl get jobs
kubectl create cronjob bad --image=busybox --schedule="61 * * * *"
kubectl create cronjob bad --image=busybox --schedule="every minute"
kubectl create cronjob tz --image=busybox --schedule="CRON_TZ=Asia/Tokyo 0 9 * * *"
cat > tokyo.yaml <<'YAML'
apiVersion: batch/v1
kind: CronJob
metadata:
  name: tokyo
spec:
  schedule: "0 9 * * MON-FRI"
  timeZone: Asia/Tokyo
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: report
            image: busybox:1.28
            command: ["sh", "-c", "date"]
          restartPolicy: OnFailure
YAML
kubectl apply -f tokyo.yaml
kubectl get cronjobs
