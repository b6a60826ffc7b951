kubectl apply -f nginx-deployment.yaml
kubectl get pod,deploy,rs
kubectl rollout history deployment nginx-deployment
