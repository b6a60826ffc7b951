kubectl get deploy
kubectl set image deployment/nginx-deployment nginx=kubelab/web:v2
kubectl rollout status deployment/nginx-deployment
