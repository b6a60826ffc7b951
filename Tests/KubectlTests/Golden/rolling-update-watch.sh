kubectl apply -f nginx-deployment.yaml
kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0 --record
kubectl get pods -w
kubectl rollout history deployment nginx-deployment
kubectl rollout undo deployment nginx-deployment
kubectl rollout status deployment nginx-deployment
kubectl get rs
