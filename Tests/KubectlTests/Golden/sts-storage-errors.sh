# Claims of an unknown class stay Pending, and so do their pods; reclaim policies Delete and Retain.
cat <<'YAML' > claims.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: lost
spec:
  storageClassName: foo
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: plain
spec:
  accessModes: ["ReadWriteMany"]
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: uses-lost
spec:
  containers:
  - name: app
    image: nginx:1.14
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: lost
YAML
kubectl apply -f claims.yaml
sleep 10
kubectl get pvc
kubectl get pods uses-lost
kubectl describe pvc lost
kubectl describe pod uses-lost | tail -4
kubectl get pvc plain -o jsonpath='{.spec.storageClassName}{"\n"}'
kubectl get pv
kubectl describe pv
kubectl delete pvc plain
sleep 5
kubectl get pv
cat <<'YAML' > bad-claim.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: bad
spec:
  accessModes: []
  resources: {}
YAML
kubectl apply -f bad-claim.yaml
kubectl describe sc nfs-client-storageclass
