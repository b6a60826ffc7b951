# A typo in the claim template's class: the claims, and so the first pod, stay Pending.
kubectl apply -f dns-test.yaml
sleep 10
kubectl exec dns-test -- nslookup kubernetes
sed -i 's/storage-class: nfs-client-storageclass/storage-class: nfs-storageclass/' stateful-demo.yaml
kubectl apply -f stateful-demo.yaml
sleep 30
kubectl get pvc
