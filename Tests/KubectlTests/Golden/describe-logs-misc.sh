kubectl apply -f nginx-deployment.yaml
kubectl describe deployment nginx-deployment
kubectl describe rs
kubectl describe pod nope
kubectl describe node node01
cat > job.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  restartPolicy: Never
  containers:
  - name: count
    image: busybox:1.28.4
    command: ["sh", "-c", "echo one; sleep 2; echo two; exit 3"]
YAML
kubectl apply -f job.yaml
sleep 5
kubectl get pod counter
kubectl logs counter
kubectl logs counter -c nope
kubectl run x --image=nginx
kubectl create deployment bad --image=nginx:9.99
sleep 20
kubectl get pods -l app=bad
kubectl api-resources --api-group=apps
kubectl delete -f job.yaml
