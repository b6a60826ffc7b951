# Sections 2.5-2.6: per-pod DNS names and storage that outlives the pod.
kubectl apply -f stateful-demo.yaml
kubectl apply -f dns-test.yaml
sleep 40
kubectl get pods -o wide
kubectl exec -it dns-test -- sh
nslookup myapp-svc
nslookup myapp-0.myapp-svc.default.svc.cluster.local
exit
kubectl exec myapp-1 -- cat /etc/hosts
kubectl exec myapp-1 -- ls /usr/share/nginx/html
kubectl exec myapp-1 -- sh -c 'echo "hello from myapp-1" > /usr/share/nginx/html/index.html'
kubectl exec dns-test -- wget -qO- http://myapp-1.myapp-svc
kubectl delete pod myapp-1
sleep 20
kubectl get pods myapp-1
kubectl exec myapp-1 -- cat /usr/share/nginx/html/index.html
