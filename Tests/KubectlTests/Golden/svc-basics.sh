kubectl apply -f nginx-deployment.yaml
kubectl apply -f nginx-service.yaml
kubectl get svc
kubectl get svc -o wide
kubectl get ep
kubectl get endpointslices
kubectl describe svc nginx-service
kubectl describe ep nginx-service
kubectl get svc -n kube-system
kubectl describe svc kube-dns -n kube-system
kubectl get svc,ep -A
kubectl apply -f nginx-service.yaml
kubectl scale deployment nginx-deployment --replicas=0
kubectl get ep nginx-service
kubectl get endpointslices
kubectl describe svc nginx-service
kubectl scale deployment nginx-deployment --replicas=2
kubectl get ep nginx-service
kubectl delete svc nginx-service
kubectl get ep,endpointslices
