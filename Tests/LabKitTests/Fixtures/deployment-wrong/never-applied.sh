# Wrong: never creates the Deployment.

# 1. Create the Deployment from the course's manifest.
cat nginx-deployment.yaml

# 2. Read what it made, and answer the question.
kubectl get pod,deploy,rs
lab answer inspect UP-TO-DATE

# 3. Ask for 5 replicas: edit the file and apply it again.
sed -i 's/replicas: 3/replicas: 5/' nginx-deployment.yaml
kubectl get deploy nginx-deployment

# 4. Roll out nginx:1.18.0 and watch the rolling update.
kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0 --record
kubectl rollout status deployment/nginx-deployment
kubectl get rs

# 5. Read the history.
kubectl rollout history deployment nginx-deployment
lab answer history 2

# 6. Roll back.
kubectl rollout undo deployment nginx-deployment
kubectl rollout status deployment/nginx-deployment

# 7. Delete a pod and watch the ReplicaSet replace it.
kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')
kubectl get pods -l app=nginx
