# Reference solution of the Jobs lab: what a learner types, step by step.

# 1. Run the pi Job to completion and read its output.
cat pi-job.yaml
kubectl apply -f pi-job.yaml
kubectl get jobs
kubectl get pods -l job-name=pi
sleep 45
kubectl get jobs
kubectl logs job/pi

# 2. The Job is refused with restartPolicy Always; fix it and create it.
kubectl apply -f fail-job.yaml
sed -i 's/restartPolicy: Always/restartPolicy: Never/' fail-job.yaml
kubectl apply -f fail-job.yaml

# 3. Watch the retries with their growing back-off, then count them.
kubectl get pods -l job-name=fail
sleep 60
kubectl get pods -l job-name=fail
sleep 60
kubectl get pods -l job-name=fail
kubectl describe job fail
lab answer backoff 4

# 4. Six work items, two at a time.
sed -i 's/completions: 1/completions: 6/; s/parallelism: 1/parallelism: 2/' parallel-job.yaml
kubectl apply -f parallel-job.yaml
kubectl get pods -l job-name=parallel
sleep 40
kubectl get job parallel
kubectl get pods -l job-name=parallel

# 5. A CronJob every minute, watched over three minutes.
kubectl create cronjob hello --image=busybox:1.28 --schedule="0 * * * *" -- /bin/sh -c 'date; echo Hello from the Kubernetes cluster'
kubectl get cronjob hello
sleep 200
kubectl get cronjob hello
kubectl get jobs
kubectl logs $(kubectl get jobs -o name | grep hello- | tail -1)

# 6. Suspend it: no new Jobs from now on.
kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
kubectl get cronjob hello
sleep 120
kubectl get jobs
