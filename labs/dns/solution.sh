# Reference solution of the DNS lab: what a learner types, step by step.

# 1. The Deployment and the Service in front of it.
cat nginx-service.yaml
kubectl apply -f nginx-deployment.yaml
kubectl apply -f nginx-service.yaml
kubectl get endpoints nginx-service

# 2. Find the ClusterIP and the NodePort, and answer with the NodePort.
kubectl get svc
lab answer ports $(kubectl get svc nginx-service -o jsonpath='{.spec.ports[0].nodePort}')

# 3. A pod to test from.
kubectl apply -f dns-test.yaml
kubectl get pod dns-test

# 4–6. Inside the pod: resolve, read resolv.conf, fetch the page.
kubectl exec -it dns-test -- sh
nslookup kubernetes
nslookup nginx-service
cat /etc/resolv.conf
nslookup nginx-service.default.svc.cluster.local
wget -qO- http://nginx-service
exit
lab answer search 2

# 7. No pods, no endpoints.
kubectl scale deployment nginx-deployment --replicas=0
kubectl get endpoints nginx-service
kubectl exec dns-test -- wget -qO- http://nginx-service

# 8. Scale back.
kubectl scale deployment nginx-deployment --replicas=3
kubectl get endpoints nginx-service
