# Section 2.3 of the course: resolve service names from a busybox 1.28 pod.
kubectl apply -f nginx-deployment.yaml
kubectl apply -f nginx-service.yaml
kubectl apply -f dns-test.yaml
sleep 45
kubectl get pod
kubectl exec -it dns-test sh
kubectl exec -it dns-test -- sh
nslookup kubernetes
nslookup nginx-service
nslookup nginx-service.default.svc.cluster.local
nslookup nope
cat /etc/resolv.conf
cat /etc/hosts
hostname
wget -qO- http://nginx-service | head -4
wget -O /dev/null http://nginx-service:8080
bash
exit
echo $?
kubectl exec dns-test -- env
